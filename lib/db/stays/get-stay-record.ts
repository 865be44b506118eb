import { ZEpisodeSettings } from "@/lib/episodes/episode-settings";
import type { TStayRecord } from "@/lib/stays/stay-record";
import type { Db } from "../client";

/**
 * One stay with everything its archive page prints, or null when there is no such stay. The staff who acted are read
 * by name (byId columns hold user ids without a relation: a deleted user must not take the record with it). A
 * settings row the current schema cannot read is printed empty rather than refused: the record stays printable.
 */
export async function getStayRecord({ db, stayId }: { db: Db; stayId: string }): Promise<TStayRecord | null> {
  const stay = await db.stay.findUnique({
    where: { id: stayId },
    include: {
      patient: true,
      unit: { select: { name: true, timeZone: true } },
      assignments: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { toBed: { select: { label: true } } } },
      episodes: {
        orderBy: { startedAt: "asc" },
        include: {
          settingChanges: { orderBy: [{ at: "asc" }, { id: "asc" }] },
          protocolTimers: {
            orderBy: { startedAt: "asc" },
            select: { protocol: true, startedAt: true, status: true, endedAt: true },
          },
        },
      },
    },
  });
  if (!stay) return null;
  const ids = new Set<string>();
  const note = (id: string | null) => id !== null && ids.add(id);
  note(stay.admittedById);
  note(stay.dischargedById);
  for (const a of stay.assignments) note(a.byId);
  for (const e of stay.episodes) {
    note(e.startedById);
    note(e.endedById);
    for (const c of e.settingChanges) note(c.byId);
  }
  const users = await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, displayName: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
  const by = (id: string | null) => (id === null ? null : (nameOf.get(id) ?? null));
  const end = stay.dischargedAt?.getTime() ?? null;
  return {
    id: stay.id,
    unitId: stay.unitId,
    unitName: stay.unit.name,
    timeZone: stay.unit.timeZone,
    patient: {
      mrn: stay.patient.identifier,
      givenName: stay.patient.givenName,
      familyName: stay.patient.familyName,
      birthDate: stay.patient.birthDate.toISOString().slice(0, 10),
      sex: stay.patient.sex,
    },
    weightKg: stay.weightKg,
    heightCm: stay.heightCm,
    diagnosis: stay.diagnosis,
    admittedAt: stay.admittedAt.getTime(),
    admittedBy: by(stay.admittedById),
    dischargedAt: end,
    dischargedBy: by(stay.dischargedById),
    disposition: stay.disposition,
    // Each assignment holds the bed until the next one, the last until the discharge.
    beds: stay.assignments.map((a, i) => ({
      label: a.toBed.label,
      from: a.at.getTime(),
      to: stay.assignments[i + 1]?.at.getTime() ?? end,
      by: by(a.byId),
    })),
    episodes: stay.episodes.map((e) => ({
      deviceType: e.deviceType,
      startedAt: e.startedAt.getTime(),
      startedBy: by(e.startedById),
      endedAt: e.endedAt?.getTime() ?? null,
      endedBy: by(e.endedById),
      endReason: e.endReason,
      cannulationSite: e.cannulationSite,
      cannulationSide: e.cannulationSide,
      cannulas: readCannulas(e.cannulas),
      distalPerfusion: e.distalPerfusion,
      consoleModel: e.consoleModel,
      settings: e.settingChanges.map((c) => ({
        at: c.at.getTime(),
        by: by(c.byId),
        settings: ZEpisodeSettings.safeParse(c.settings).data ?? {},
      })),
      protocols: e.protocolTimers.map((p) => ({
        protocol: p.protocol,
        startedAt: p.startedAt.getTime(),
        status: p.status,
        endedAt: p.endedAt?.getTime() ?? null,
      })),
    })),
  };
}

function readCannulas(json: unknown): Record<string, number> | null {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return null;
  const entries = Object.entries(json).filter((e): e is [string, number] => typeof e[1] === "number");
  return entries.length === 0 ? null : Object.fromEntries(entries);
}
