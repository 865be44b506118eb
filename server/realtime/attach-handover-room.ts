import { ZHandoverSubscribe, rooms, INTERNAL_COMMAND_ERROR } from "@/lib/realtime/events";
import type { TAuthConfig } from "@/lib/db/auth/auth-config";
import { assertUnitAccess } from "@/lib/db/auth/authorize";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { clientAddress } from "../auth/client-address";
import type { Logger } from "@/lib/log/logger";
import type { StationIo } from "./attach-realtime";

/**
 * The unit's handover room: `handover:subscribe` joins it (handover.view and membership of the unit, refusals
 * audited), and `handover:changed` reaches it from the change feed when a change of a bed's sheet or action list
 * commits, whoever made it (server/realtime/broadcast-changes.ts). The room carries no readings and no patient data:
 * which bed changed.
 */
export function attachHandoverRoom({
  io,
  db,
  auth,
  log,
}: {
  io: StationIo;
  db: Db;
  auth: TAuthConfig;
  log: Logger;
}): void {
  io.on("connection", (socket) => {
    const principal = socket.data.principal;
    const context = {
      ipAddress: clientAddress(socket.request, auth.trustProxy),
      userAgent: socket.request.headers["user-agent"] ?? null,
    };
    socket.on("handover:subscribe", (payload, ack) => {
      // A forged event without an acknowledgement is ignored: it joins nothing.
      if (typeof ack !== "function") return;
      const reply = ack;
      const parsed = ZHandoverSubscribe.safeParse(payload);
      if (!parsed.success) {
        reply({
          ok: false,
          error: { code: "INVALID_PAYLOAD", message: parsed.error.issues[0]?.message ?? "invalid payload" },
        });
        return;
      }
      const { unitId } = parsed.data;
      assertUnitAccess({
        db,
        principal,
        action: "handover.view",
        unitId,
        context,
        target: { type: "unit", id: unitId },
        via: "socket handover:subscribe",
      })
        .then(() => socket.join(rooms.handover(unitId)))
        .then(
          () => reply({ ok: true }),
          (error: unknown) => {
            if (error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) {
              reply({ ok: false, error: { code: error.code, message: error.message } });
              return;
            }
            log.error("socket handover:subscribe failed", error);
            reply(INTERNAL_COMMAND_ERROR);
          },
        );
    });
  });
}
