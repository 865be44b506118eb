import type { IncomingMessage, ServerResponse } from "node:http";
import { defineNodeRoutes, matchNodeRoute } from "../node-route-table";
import { z } from "zod";
import { actorOf, recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { assertUnitAccess } from "@/lib/db/auth/authorize";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { contextOf, principalOf } from "../auth/auth-gate";
import type { Logger } from "@/lib/log/logger";
import type { Simulator } from "./start-simulator";
import { readJson, sendError, sendJson } from "@/lib/http/node-http";

const FEED_PATH = /^\/api\/simulator\/beds\/([A-Za-z0-9_-]{1,64})\/feed$/;
const ZFeedBody = z.object({ running: z.boolean() });
const MAX_BODY = 1_024;

export interface TSimulatorRoutesOptions {
  simulator: Simulator;
  db: Db;
  log: Logger;
}

/**
 * The simulator's controls, answered by the Node process because the simulator lives here, not in Next
 * (docs/stack.md). Only mounted in demo mode, and only for a role allowed to drive it in the bed's unit:
 * cutting a bed's feed is how a trainer (or an end-to-end test) shows what a stale tile looks like.
 */
export const SIMULATOR_ROUTES = defineNodeRoutes([
  { method: "POST", path: "/api/simulator/beds/:bedId/feed", access: "simulator.control" },
]);

export function simulatorRoutes({ simulator, db, log }: TSimulatorRoutesOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const match = FEED_PATH.exec(req.url ?? "");
    if (!match) return false;
    const bedId = match[1] ?? "";
    const run = async (): Promise<void> => {
      // Only what the table lists is served (its rows are the access matrix's).
      if (!matchNodeRoute(SIMULATOR_ROUTES, req.method ?? "GET", (req.url ?? "").split("?")[0] ?? ""))
        return sendJson(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: "use POST" } });
      const principal = principalOf(req);
      if (!principal) throw new AppError("UNAUTHENTICATED", "Sign in first.");
      if (!simulator.bedIds().includes(bedId)) throw new AppError("NOT_FOUND", `bed "${bedId}" is not simulated`);
      const bed = await db.bed.findUnique({ where: { id: bedId }, select: { unitId: true } });
      if (!bed) throw new AppError("NOT_FOUND", `bed "${bedId}" is not simulated`);
      const context = contextOf(req);
      await assertUnitAccess({
        db,
        principal,
        action: "simulator.control",
        unitId: bed.unitId,
        context,
        target: { type: "bed", id: bedId },
        via: "http POST simulator feed",
      });
      // The body is read once the role is known to be allowed: a refused caller learns nothing of what it expects
      // (server/auth/access-matrix.test.ts).
      const { running } = await readJson(req, ZFeedBody, MAX_BODY).catch((error: unknown) => {
        // Say which field, and what to send: the trainer's script is the reader.
        if (error instanceof AppError && error.code === "INVALID_INPUT")
          throw new AppError("INVALID_INPUT", `body.running: must be true or false; send {"running": true|false}`);
        throw error;
      });
      simulator.setBedFeed(bedId, running);
      await recordAuditEvent({
        db,
        action: "simulator.feed-changed",
        actor: actorOf(principal),
        context,
        target: { type: "bed", id: bedId },
        unitId: bed.unitId,
        details: { running },
      });
      sendJson(res, 200, { bedId, running });
    };
    run().catch((error: unknown) => sendError(res, error, log));
    return true;
  };
}
