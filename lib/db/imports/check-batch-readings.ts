import type { TReadingInput } from "@/lib/observations/reading";
import { validateStayReading } from "@/lib/observations/validate-reading";
import { patientOf } from "./find-batch-patients";
import { rejectRecord, type TCandidate, type TImportBatch } from "./import-batch";
import type { TImportRun } from "./import-run";
import type { TMappedItem, TUnreadableResult } from "./map-batch-items";
import { toImportRejection } from "./to-import-rejection";

/**
 * The second step of a batch, once its patients are looked up (findBatchPatients): each mapped record matched to its
 * patient's admitted stay and validated as the write path will (validateStayReading: the time against the stay, a
 * support device's own parameter against the episode running then, the unit, the value's range). What passes is a candidate for the write path; what does not is rejected. A refused result of
 * a known patient (its value unreadable, or its unit not accepted) is recorded for the bed as well.
 */
export function checkBatchReadings(
  run: TImportRun,
  batch: TImportBatch,
  mapped: readonly TMappedItem[],
  unreadable: readonly TUnreadableResult[],
): TCandidate[] {
  const { source } = run;
  // A refused result is recorded at the bed of an admitted patient, with or without support running (LabRefusal
  // belongs to the stay).
  for (const u of unreadable) {
    const { stay, episode } = patientOf(run, u.record);
    if (stay)
      batch.refusals.push({
        stayId: stay.id,
        episodeId: episode?.id ?? null,
        parameter: u.parameter,
        observedAt: u.record.time.ok ? u.record.time.at : null,
        field: u.rejection.field,
        value: u.rejection.value,
        what: "value",
        reason: u.rejection.reason,
        source,
        sourceRef: u.record.sourceRef,
      });
  }

  const at = run.now();
  const candidates: TCandidate[] = [];
  for (const { index, m } of mapped) {
    const { record } = m;
    // The admitted stay receives the reading, with the episode running at its time, if any.
    const { patient, stay, episode } = patientOf(run, record);
    const input: TReadingInput = {
      parameter: m.parameter,
      value: m.value,
      unit: record.unit,
      observedAt: m.observedAt,
      source,
      sourceRef: record.sourceRef,
      lab: m.lab,
    };
    const validation = validateStayReading(input, stay, at);
    if (!validation.ok) {
      const rejection = toImportRejection(record, validation.rejection, patient);
      rejectRecord(batch, rejection, index, record.location.entry);
      if (stay && validation.rejection.code === "UNIT_NOT_ACCEPTED")
        batch.refusals.push({
          stayId: stay.id,
          episodeId: episode?.id ?? null,
          parameter: m.parameter,
          observedAt: m.observedAt,
          field: rejection.field,
          value: record.unit,
          what: "unit",
          reason: rejection.reason,
          source,
          sourceRef: record.sourceRef,
        });
      continue;
    }
    candidates.push({ index, record, valid: validation.reading, corrected: m.corrected });
  }
  return candidates;
}
