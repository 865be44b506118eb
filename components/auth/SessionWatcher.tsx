"use client";

import "./auth.css";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { THandshakeRefusal, TSessionEndReason } from "@/lib/realtime/events";
import { reportActivity } from "@/lib/client/auth-api";
import { useSessionUser } from "@/lib/client/session-user";
import { getSocket } from "@/lib/client/socket";

/** A tap or a key is reported at most this often: enough for a 30-minute idle timeout, cheap for the server. */
const REPORT_EVERY_MS = 60_000;
/** The warning appears this long before the idle timeout. */
const WARN_BEFORE_MS = 2 * 60_000;

/**
 * Keeps a signed-in screen honest about its session. When the server ends it (idle timeout, sign-out elsewhere, an
 * admin's change) the socket hears why and the screen goes to the sign-in page (a wall screen: the pairing page)
 * instead of freezing on old data. For clinical roles it reports the person's taps and keys, and warns before the
 * idle timeout; a background refresh never counts as activity.
 */
export function SessionWatcher() {
  const user = useSessionUser();
  const t = useTranslations("auth.idle");
  const [idleSince, setIdleSince] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const timeoutMs = user.idleTimeoutMinutes === null ? null : user.idleTimeoutMinutes * 60_000;

  useEffect(() => {
    const leave = (reason: TSessionEndReason | "expired") => {
      const here = `${window.location.pathname}${window.location.search}`;
      const target =
        user.role === "display"
          ? `/pair?reason=${reason}`
          : `/sign-in?${new URLSearchParams({ reason, next: here }).toString()}`;
      window.location.assign(target);
    };
    const socket = getSocket();
    const onEnded = ({ reason }: { reason: TSessionEndReason }) => leave(reason);
    const onRefused = (error: Error & { data?: THandshakeRefusal }) => {
      if (error.data?.code === "UNAUTHENTICATED") leave(error.data.reason === "expired" ? "expired" : "signed-out");
    };
    socket.on("session:ended", onEnded);
    socket.on("connect_error", onRefused);
    return () => {
      socket.off("session:ended", onEnded);
      socket.off("connect_error", onRefused);
    };
  }, [user.role]);

  useEffect(() => {
    if (timeoutMs === null) return;
    let lastReport = Date.now();
    const onActivity = () => {
      const at = Date.now();
      setIdleSince(at);
      if (at - lastReport < REPORT_EVERY_MS) return;
      lastReport = at;
      // A failed report is not worth a message: the next tap retries, and the server decides anyway.
      reportActivity().catch(() => undefined);
    };
    const tick = window.setInterval(() => setNow(Date.now()), 10_000);
    window.addEventListener("pointerdown", onActivity, { capture: true, passive: true });
    window.addEventListener("keydown", onActivity, { capture: true });
    return () => {
      window.clearInterval(tick);
      window.removeEventListener("pointerdown", onActivity, { capture: true });
      window.removeEventListener("keydown", onActivity, { capture: true });
    };
  }, [timeoutMs]);

  if (timeoutMs === null) return null;
  const left = timeoutMs - (now - idleSince);
  if (left > WARN_BEFORE_MS) return null;
  return (
    <p className="idle-warning" role="alert" data-testid="idle-warning">
      {t("warning", { minutes: Math.max(1, Math.ceil(left / 60_000)) })}
    </p>
  );
}
