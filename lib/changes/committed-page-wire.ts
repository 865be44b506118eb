import { z } from "zod";
import type { TCommittedObservation } from "@/lib/observations/observation";
import { packObservations, unpackObservations, ZPackedObservations } from "@/lib/observations/packed-observations";
import type { TChange, TCommittedPage } from "./change";

const ZSeq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const ZCursor = z.object({ observation: ZSeq, alarm: ZSeq, document: ZSeq });

/**
 * A committed page of readings as it travels between nodes, through Redis (InterServerEvents "changes:committed"):
 * the readings in the screens' packed columns (lib/observations/packed-observations.ts), plus what a feed's change
 * holds and a screen's message leaves out: each bed's unit, each parameter's stored unit, and the one receivedAt of
 * the transaction. 64 beds × 12 parameters travel as about 15 KB, once per commit to each node.
 */
export const ZCommittedPageWire = z.object({
  from: ZCursor,
  to: ZCursor,
  receivedAt: z.number().int(),
  readings: ZPackedObservations,
  unitOfBed: z.array(z.tuple([z.string(), z.string()])),
  unitOfParameter: z.array(z.tuple([z.string(), z.string()])),
});
export type TCommittedPageWire = z.infer<typeof ZCommittedPageWire>;

/**
 * The page for the other nodes, or null when it cannot travel this way: changes other than readings, a laboratory
 * result's extras, or readings that do not share one receivedAt (not one transaction). The other nodes then read the
 * logs, as they do for any commit announced without its page.
 */
export function encodeCommittedPage(page: TCommittedPage): TCommittedPageWire | null {
  const observations: TCommittedObservation[] = [];
  const unitOfBed = new Map<string, string>();
  const unitOfParameter = new Map<string, string>();
  const receivedAt = page.changes[0]?.log === "observation" ? page.changes[0].observation.receivedAt : undefined;
  if (receivedAt === undefined) return null;
  for (const change of page.changes) {
    if (change.log !== "observation") return null;
    const o = change.observation;
    if (o.status !== undefined || o.comparator !== undefined || o.replaces !== undefined) return null;
    if (o.receivedAt !== receivedAt) return null;
    if ((unitOfBed.get(o.bedId) ?? o.unitId) !== o.unitId) return null;
    if ((unitOfParameter.get(o.parameter) ?? o.unit) !== o.unit) return null;
    unitOfBed.set(o.bedId, o.unitId);
    unitOfParameter.set(o.parameter, o.unit);
    observations.push(o);
  }
  return {
    from: { ...page.span.from },
    to: { ...page.span.to },
    receivedAt,
    readings: packObservations(observations),
    unitOfBed: [...unitOfBed],
    unitOfParameter: [...unitOfParameter],
  };
}

/**
 * A page received from another node, or why it cannot be taken (the receiving feed then reads the logs): it must be
 * readings whose seqs lie after `from` and end at `to`, in the readings' log only.
 */
export function decodeCommittedPage(
  payload: unknown,
): { ok: true; page: TCommittedPage } | { ok: false; reason: string } {
  const parsed = ZCommittedPageWire.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "not a committed page"}` };
  }
  const { from, to, receivedAt, readings, unitOfBed, unitOfParameter } = parsed.data;
  const unpacked = unpackObservations(readings);
  if (!unpacked.ok) return unpacked;
  const units = new Map(unitOfBed);
  const storedUnits = new Map(unitOfParameter);
  const changes: TChange[] = [];
  for (const o of unpacked.observations) {
    const unitId = units.get(o.bedId);
    const unit = storedUnits.get(o.parameter);
    if (unitId === undefined || unit === undefined)
      return { ok: false, reason: `reading ${o.seq}: no unit for its bed or its parameter` };
    changes.push({ log: "observation", seq: o.seq, observation: { ...o, unitId, unit, receivedAt } });
  }
  const first = changes[0]?.seq;
  const last = changes.at(-1)?.seq;
  if (first === undefined || last === undefined) return { ok: false, reason: "no reading" };
  if (first <= from.observation || last !== to.observation || from.alarm !== to.alarm || from.document !== to.document)
    return { ok: false, reason: "its span does not match its readings" };
  return { ok: true, page: { changes, span: { from, to } } };
}
