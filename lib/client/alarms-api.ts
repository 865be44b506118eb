import { type z } from "zod";
import { ZUnitAlarms, type TAcknowledgeAlarm, type TUnitAlarms } from "@/lib/alarms/alarm-dto";
import type { TAlarmCommandAnswer, TPauseAudioAnswer } from "@/lib/realtime/events";
import { sendRequest, unreadableAnswer } from "./request-error";
import type { TStationSocket } from "./socket";

/** A command that has not answered by then is reported as failed: the person can try again. */
const COMMAND_TIMEOUT_MS = 10_000;

async function getJson<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  const response = await sendRequest(url, { signal });
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw unreadableAnswer(response.status, parsed.error);
  return parsed.data;
}

export const fetchUnitAlarms = (unitId: string, signal?: AbortSignal): Promise<TUnitAlarms> =>
  getJson(`/api/units/${encodeURIComponent(unitId)}/alarms`, ZUnitAlarms, signal);

export { getJson as fetchAlarmJson };

export function acknowledgeAlarmBySocket(
  socket: TStationSocket,
  input: TAcknowledgeAlarm,
): Promise<TAlarmCommandAnswer> {
  return new Promise((resolve) =>
    socket
      .timeout(COMMAND_TIMEOUT_MS)
      .emit("alarm:acknowledge", input, (error, answer) =>
        resolve(
          error
            ? { ok: false, error: { code: "INTERNAL", message: "the server did not answer in time; try again" } }
            : answer,
        ),
      ),
  );
}

export function pauseAudioBySocket(socket: TStationSocket, unitId: string): Promise<TPauseAudioAnswer> {
  return new Promise((resolve) =>
    socket
      .timeout(COMMAND_TIMEOUT_MS)
      .emit("alarm:pause-audio", { unitId }, (error, answer) =>
        resolve(
          error
            ? { ok: false, error: { code: "INTERNAL", message: "the server did not answer in time; try again" } }
            : answer,
        ),
      ),
  );
}
