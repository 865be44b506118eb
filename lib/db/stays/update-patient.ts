import { ZUpdatePatient, type TUpdatePatient } from "@/lib/stays/stay";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/**
 * Updates a patient's identity, weight or height (an ADT A08), found by MRN: the fields given replace the stored
 * ones, the others are kept; weight and height also go to the open stay, where the scores read them. One transaction
 * with the audit event (the fields changed) and, when the patient is admitted, the DocumentChange that makes the
 * screens read the bed again. Refused: an unknown MRN, a date of birth in the future.
 */
export async function updatePatient({
  db,
  input,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  input: TUpdatePatient;
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ patientId: string; changed: string[] }> {
  const u = ZUpdatePatient.parse(input);
  const birthDate = u.birthDate === null ? null : new Date(`${u.birthDate}T00:00:00Z`);
  if (birthDate && birthDate.getTime() > now.getTime())
    throw new AppError(
      "INVALID_INPUT",
      "birthDate: the date of birth is in the future.",
      { field: "birthDate" },
      refusal("birthDateInFuture"),
    );
  const result = await db.$transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { identifier: u.mrn } });
    if (!patient)
      throw new AppError(
        "NOT_FOUND",
        `No patient with MRN ${u.mrn}.`,
        { field: "mrn" },
        refusal("noPatient", { mrn: u.mrn }),
      );
    const data = {
      ...(u.givenName !== null && u.givenName !== patient.givenName ? { givenName: u.givenName } : {}),
      ...(u.familyName !== null && u.familyName !== patient.familyName ? { familyName: u.familyName } : {}),
      ...(birthDate && birthDate.getTime() !== patient.birthDate.getTime() ? { birthDate } : {}),
      ...(u.sex !== null && u.sex !== patient.sex ? { sex: u.sex } : {}),
      ...(u.weightKg !== null && u.weightKg !== patient.weightKg ? { weightKg: u.weightKg } : {}),
    };
    await tx.patient.update({ where: { id: patient.id }, data });
    const open = await tx.stay.findFirst({ where: { patientId: patient.id, dischargedAt: null } });
    const stayData = {
      ...(u.weightKg !== null && open && u.weightKg !== open.weightKg ? { weightKg: u.weightKg } : {}),
      ...(u.heightCm !== null && open && u.heightCm !== open.heightCm ? { heightCm: u.heightCm } : {}),
    };
    if (open && Object.keys(stayData).length > 0) await tx.stay.update({ where: { id: open.id }, data: stayData });
    const changed = [...new Set([...Object.keys(data), ...Object.keys(stayData)])];
    await recordAuditEvent({
      db: tx,
      action: "patient.updated",
      actor,
      context,
      target: { type: "patient", id: patient.id },
      unitId: open?.unitId ?? null,
      details: { mrn: u.mrn, changed },
      now,
    });
    if (open)
      await recordDocumentChange({
        db: tx,
        change: { type: "stay:changed", unitId: open.unitId, bedId: open.bedId, stayId: open.id },
        now,
      });
    return { patientId: patient.id, changed };
  });
  announceCommit(db);
  return result;
}
