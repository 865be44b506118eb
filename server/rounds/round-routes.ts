import type { IncomingMessage, ServerResponse } from "node:http";
import type { TReadingInput, TWriteResult } from "@/lib/observations/reading";
import type { TRoundChanged } from "@/lib/realtime/events";
import { ZAmendRoundInput, ZSignRoundInput } from "@/lib/rounds/round-dtos";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { assertBedAccess, assertUnitAccess } from "@/lib/db/auth/authorize";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { amendRoundAnswer } from "@/lib/db/rounds/amend-round-answer";
import { signRound } from "@/lib/db/rounds/sign-round";
import { contextOf, principalOf } from "../auth/auth-gate";
import type { Logger } from "@/lib/log/logger";
import { readJson, sendError, sendJson } from "@/lib/http/node-http";

const AMEND_PATH = /^\/api\/rounds\/([0-9a-fA-F-]{36})\/amendments$/;
/** A checklist of 200 items with comments fits well within this. */
const MAX_BODY = 256 * 1024;

export interface TRoundRoutesOptions {
  db: Db;
  /** The server's ObservationWriter: a round's numbers (urine output, bedside NIRS) join the series through it. */
  sink: { submit(readings: readonly TReadingInput[]): Promise<TWriteResult[]> };
  /** Tells the unit's screens (the station's tiles) that a bed's rounds changed. */
  notify: (event: "round:signed" | "round:amended", payload: TRoundChanged) => void;
  log: Logger;
  now?: () => Date;
}

/**
 * Signing and amending rounds, answered by the Node process because a round's numbers go through the one write path
 * and its change is broadcast, both of which live here (Next's route handlers cannot reach them: docs/stack.md):
 *   POST /api/rounds                          sign a round (201; 200 with status "duplicate" for a retried one)
 *   POST /api/rounds/:roundId/amendments      correct one answer, with a reason (201)
 * Reading rounds is Next's (app/api/units/[unitId]/rounds, app/api/beds/[bedId]/round[s]).
 */
export function roundRoutes(options: TRoundRoutesOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = new URL(req.url ?? "/", "http://station").pathname;
    const amend = AMEND_PATH.exec(path);
    if (path !== "/api/rounds" && !amend) return false;
    const run = async (): Promise<void> => {
      if (req.method !== "POST") return sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: "use POST" } });
      const principal = principalOf(req);
      if (!principal) throw new AppError("UNAUTHENTICATED", "Sign in first.");
      const context = contextOf(req);
      const now = options.now?.() ?? new Date();
      const actor = { ...actorOf(principal), userId: principal.userId };
      if (amend) {
        const roundId = amend[1] ?? "";
        const round = await options.db.round.findUnique({ where: { id: roundId }, select: { unitId: true } });
        if (!round) throw new AppError("NOT_FOUND", `No round "${roundId}".`);
        await assertUnitAccess({ db: options.db, principal, action: "checklist.sign", unitId: round.unitId, context, target: { type: "round", id: roundId }, via: "http POST round amendment" });
        const input = await readJson(req, ZAmendRoundInput, MAX_BODY);
        const amended = await amendRoundAnswer({ db: options.db, roundId, input, actor, context, now });
        await feed(options, amended.readings);
        options.notify("round:amended", { unitId: amended.unitId, bedId: amended.bedId, roundId });
        return sendJson(res, 201, { round: amended.round });
      }
      const input = await readJson(req, ZSignRoundInput, MAX_BODY);
      await assertBedAccess({ db: options.db, principal, action: "checklist.sign", bedId: input.bedId, context, via: "http POST round" });
      const signed = await signRound({ db: options.db, input, actor, context, now });
      // Before answering: a nurse who sees "saved" finds the urine output in the trends. A failure here answers 500,
      // and the tablet's retry (same round id) hands the readings over again; the write path stores each once.
      await feed(options, signed.readings);
      if (signed.status === "stored") options.notify("round:signed", { unitId: signed.unitId, bedId: input.bedId, roundId: input.roundId });
      return sendJson(res, signed.status === "stored" ? 201 : 200, { status: signed.status, round: signed.round });
    };
    run().catch((error: unknown) => sendError(res, error, options.log));
    return true;
  };
}

async function feed(options: TRoundRoutesOptions, readings: readonly TReadingInput[]): Promise<void> {
  if (readings.length === 0) return;
  const results = await options.sink.submit(readings);
  results.forEach((result, i) => {
    // Checked against the same rules before the round was stored: a refusal here is a bug worth a log line.
    if (result.status === "rejected") options.log.error(`round reading refused: ${readings[i]?.sourceRef ?? "?"} ${result.rejection.message}`);
  });
}
