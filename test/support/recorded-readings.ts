import type { TObservationDto } from "@/lib/observations/observation";
import { unpackObservations } from "@/lib/observations/packed-observations";
import type { TObservationsRecorded } from "@/lib/realtime/events";

/** The readings of an `observation:recorded` message, as a screen unpacks them; a test fails on one it cannot read. */
export function recordedReadings({ readings }: TObservationsRecorded): TObservationDto[] {
  const unpacked = unpackObservations(readings);
  if (!unpacked.ok) throw new Error(`observation:recorded could not be read: ${unpacked.reason}`);
  return unpacked.observations;
}
