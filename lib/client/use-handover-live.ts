"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { rooms, type THandoverChanged, type THandoverSubscribeAnswer } from "@/lib/realtime/events";
import { handoverKeys } from "./query-keys";
import { getSocket } from "./socket";

const SUBSCRIBE_TIMEOUT_MS = 10_000;

/**
 * Follows a unit's handover: when a bed's sheet or action list changes on any screen (`handover:changed`, sent after
 * the commit), the unit's handover pages and that bed's sheets are read again over HTTP; the database stays the
 * truth and the pages' periodic reads stay as a fallback. On every (re)connect the room is joined again and
 * everything is read again, since a change may have been missed while disconnected. `unitId` undefined: nothing yet.
 */
export function useHandoverLive(unitId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!unitId) return;
    const socket = getSocket();
    // Nothing to apply from the answer: a refusal or a timeout leaves the page on its periodic reads.
    const subscribe = () =>
      socket
        .timeout(SUBSCRIBE_TIMEOUT_MS)
        .emit("handover:subscribe", { unitId }, (_: Error | null, __?: THandoverSubscribeAnswer) => undefined);
    const onConnect = () => {
      subscribe();
      // What changed while this socket was away was not notified to it: read everything again.
      void queryClient.invalidateQueries({ queryKey: handoverKeys.all });
    };
    const onChanged = (change: THandoverChanged) => {
      if (change.unitId !== unitId) return;
      void queryClient.invalidateQueries({ queryKey: handoverKeys.unitOf(unitId) });
      void queryClient.invalidateQueries({ queryKey: handoverKeys.sheetsOf(change.bedId) });
    };
    socket.on("handover:changed", onChanged);
    socket.on("connect", onConnect);
    if (socket.connected) subscribe();
    return () => {
      socket.off("handover:changed", onChanged);
      socket.off("connect", onConnect);
      socket.emit("room:leave", { room: rooms.handover(unitId) });
    };
  }, [queryClient, unitId]);
}
