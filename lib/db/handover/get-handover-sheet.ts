import {
  ZHandoverData,
  ZContingency,
  type THandoverAction,
  type THandoverAmendment,
  type THandoverContent,
  type THandoverSheetView,
  type THandoverStatus,
} from "@/lib/handover";
import { z } from "zod";
import type { Db } from "../client";
import { computeHandoverData } from "./compute-handover-data";
import { listSheetActions } from "./list-sheet-actions";
import { resolveBedShift, type TResolvedBedShift } from "./resolve-bed-shift";

/**
 * One bed's handover sheet for one shift (the running one when no key is given): what was written, the data of the
 * shift (computed now for a draft, the copy frozen at sign-out for a signed sheet), the action list, the signatures
 * and the amendments. A shift without a sheet reads as "not started" with the data filled in already.
 */
export async function getHandoverSheet({
  db,
  bedId,
  shiftKey,
  now = Date.now(),
}: {
  db: Db;
  bedId: string;
  shiftKey?: string;
  now?: number;
}): Promise<THandoverSheetView> {
  const resolved = await resolveBedShift({ db, bedId, shiftKey, now });
  return toSheetView(db, resolved, now);
}

const ZStoredActions = z.array(
  z.object({
    id: z.string(),
    text: z.string(),
    createdAt: z.number(),
    createdBy: z.object({ id: z.string(), name: z.string() }),
    doneAt: z.number().nullable(),
    doneBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    carriedOver: z.boolean(),
  }),
);

export async function toSheetView(
  db: Db,
  { bed, shift, previousShiftKey, nextShiftKey, stay, episode, sheet }: TResolvedBedShift,
  now: number,
): Promise<THandoverSheetView> {
  const coversUntil = Math.min(now, shift.endsAt);
  const frozen = Boolean(sheet?.signedOutAt && sheet.generated);
  const data = frozen
    ? ZHandoverData.parse(sheet?.generated)
    : stay
      ? await computeHandoverData({
          db,
          stayId: stay.id,
          episodeId: episode?.id ?? null,
          startsAt: shift.startsAt,
          coversUntil,
          now,
        })
      : null;
  const actions: THandoverAction[] =
    frozen && sheet?.actions
      ? ZStoredActions.parse(sheet.actions)
      : stay
        ? await listSheetActions({ db, stayId: stay.id, startsAt: shift.startsAt, coversUntil })
        : [];

  const people = await namesOf(db, [
    sheet?.signedOutById,
    sheet?.receivedById,
    sheet?.updatedById,
    ...(sheet?.amendments.map((a) => a.amendedById) ?? []),
  ]);
  const person = (id: string) => ({ id, name: people.get(id) ?? id });
  const content: THandoverContent = sheet
    ? {
        illnessSeverity: sheet.illnessSeverity,
        situation: sheet.situation,
        contingencies: z.array(ZContingency).parse(sheet.contingencies),
        notes: sheet.notes,
      }
    : { illnessSeverity: null, situation: "", contingencies: [], notes: "" };
  const amendments: THandoverAmendment[] = (sheet?.amendments ?? []).map((a) => ({
    id: a.id,
    field: a.field,
    value: a.field === "contingencies" ? z.array(ZContingency).parse(a.value) : z.string().parse(a.value),
    reason: a.reason,
    at: a.amendedAt.getTime(),
    by: person(a.amendedById),
  }));
  const inForce = amendments.reduce<THandoverContent>((c, a) => ({ ...c, [a.field]: a.value }), content);
  const status: THandoverStatus = sheet?.status ?? "not_started";

  return {
    serverTime: now,
    bed,
    shift: {
      key: shift.key,
      name: shift.name,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      startTime: shift.startTime,
      endTime: shift.endTime,
    },
    previousShiftKey,
    nextShiftKey,
    status,
    sheetId: sheet?.id ?? null,
    version: sheet?.version ?? 0,
    content,
    inForce,
    data,
    frozen,
    actions,
    signedOut:
      sheet?.signedOutAt && sheet.signedOutById
        ? { at: sheet.signedOutAt.getTime(), by: person(sheet.signedOutById) }
        : null,
    received:
      sheet?.receivedAt && sheet.receivedById
        ? { at: sheet.receivedAt.getTime(), by: person(sheet.receivedById), readBack: sheet.readBack ?? "" }
        : null,
    amendments,
    lastSaved: sheet ? { at: sheet.updatedAt.getTime(), by: person(sheet.updatedById) } : null,
  };
}

async function namesOf(db: Db, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}
