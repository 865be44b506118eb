"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TAudioPause } from "@/lib/alarms/alarm-dto";
import { pauseAudioBySocket } from "@/lib/client/alarms-api";
import { commandRefusal } from "@/lib/client/request-error";
import { useCan } from "@/lib/client/session-user";
import { getSocket } from "@/lib/client/socket";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";

/**
 * AUDIO PAUSED for 2 min with a visible countdown (IEC 60601-1-8), counted on the server's clock so that every screen
 * of the unit shows the same time left. The command ("Pause audio 2 min", a button) and the state ("AUDIO PAUSED
 * 1:43", a status shown only while paused) have different words and looks: a button worded as the state would read
 * as paused when nobody pressed it. The station makes no sound of its own (the bedside devices do): the pause is
 * recorded and shown so that the team knows someone has taken the alarms in hand.
 */
export function AudioPause({
  unitId,
  pause,
  now,
}: {
  readonly unitId: string;
  readonly pause: TAudioPause;
  readonly now: number | null;
}) {
  const t = useTranslations("alarms.audio");
  const describe = useDescribeRequestError();
  const may = useCan("alarm.pause-audio");
  const [error, setError] = useState<string | null>(null);
  const remainingMs = pause && now !== null ? pause.until - now : 0;

  if (remainingMs > 0 && pause) {
    const total = Math.ceil(remainingMs / 1000);
    const remaining = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
    return (
      <p className="audio-paused" role="status" data-testid="audio-paused">
        {t("paused", { remaining })}
        {pause.by && <span className="audio-paused__by"> {t("pausedBy", { name: pause.by })}</span>}
      </p>
    );
  }
  if (!may) return null;
  return (
    <>
      <button
        type="button"
        className="alarm-button"
        title={t("pauseHint")}
        data-testid="audio-pause"
        onClick={() =>
          void pauseAudioBySocket(getSocket(), unitId).then((answer) =>
            setError(answer.ok ? null : describe(commandRefusal(answer.error))),
          )
        }
      >
        {t("pause")}
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
