import { randomUUID } from "node:crypto";
import { ZAdmitPatient, type TAdmitPatient } from "@/lib/stays/stay";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import { announceCommit } from "../changes/announce-commit";
import { recordDocumentChange } from "../changes/record-document-change";
import type { Db } from "../client";
import type { Prisma } from "../generated/client";
import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";
import { refuseFuture } from "./refuse-future";

/**
 * Admits a patient to a free bed of a unit: the patient (found by MRN, else created), the stay, its first bed
 * assignment, the audit event and the DocumentChange that tells the screens, in one transaction. Refused, with
 * nothing written: an unknown unit or bed, a bed with an open stay, a patient already admitted somewhere, an MRN
 * whose stored identity differs (name or date of birth: a typo or another person, never merged silently).
 */
export async function admitPatientInTransaction({
  tx,
  input,
  actor,
  context,
  now = new Date(),
  ids,
}: {
  tx: TTx;
  input: TAdmitPatient;
  /** Fixed ids (the demo seeder's, stable across runs); random otherwise. */
  ids?: { stayId: string; patientId: string };
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now?: Date;
}): Promise<{ stayId: string; patientId: string }> {
  const a = ZAdmitPatient.parse(input);
  const admittedAt = refuseFuture(a.admittedAt, now, "admittedAt");
  const birthDate = new Date(`${a.birthDate}T00:00:00Z`);
  if (birthDate.getTime() > now.getTime())
    throw new AppError(
      "INVALID_INPUT",
      "birthDate: the date of birth is in the future.",
      undefined,
      refusal("birthDateInFuture"),
    );
  const stayId = ids?.stayId ?? randomUUID();
  const bed = await tx.bed.findUnique({
    where: { id: a.bedId },
    select: { id: true, label: true, unitId: true, stays: { where: { dischargedAt: null }, select: { id: true } } },
  });
  if (!bed || bed.unitId !== a.unitId)
    throw new AppError("NOT_FOUND", `No bed "${a.bedId}" in this unit.`, { field: "bedId" }, refusal("bedNotInUnit"));
  if (bed.stays.length > 0)
    throw new AppError(
      "CONFLICT",
      `Bed ${bed.label} is occupied: discharge or move its patient first.`,
      {
        field: "bedId",
      },
      refusal("bedOccupiedAdmit", { bed: bed.label }),
    );
  let patient = await tx.patient.findUnique({ where: { identifier: a.mrn } });
  if (patient) {
    const same =
      patient.givenName.toLocaleLowerCase() === a.givenName.toLocaleLowerCase() &&
      patient.familyName.toLocaleLowerCase() === a.familyName.toLocaleLowerCase() &&
      patient.birthDate.getTime() === birthDate.getTime();
    if (!same)
      throw new AppError(
        "CONFLICT",
        `MRN ${a.mrn} belongs to another identity (name or date of birth differ): check the MRN.`,
        { field: "mrn" },
        refusal("mrnOtherIdentity", { mrn: a.mrn }),
      );
    const open = await tx.stay.findFirst({
      where: { patientId: patient.id, dischargedAt: null },
      select: { bed: { select: { label: true } } },
    });
    if (open)
      throw new AppError(
        "CONFLICT",
        `This patient is already admitted, in bed ${open.bed.label}.`,
        { field: "mrn" },
        refusal("patientAlreadyAdmitted", { bed: open.bed.label }),
      );
    if (a.weightKg !== null) await tx.patient.update({ where: { id: patient.id }, data: { weightKg: a.weightKg } });
  } else {
    patient = await tx.patient.create({
      data: {
        id: ids?.patientId ?? randomUUID(),
        identifier: a.mrn,
        givenName: a.givenName,
        familyName: a.familyName,
        birthDate,
        sex: a.sex,
        weightKg: a.weightKg,
      },
    });
  }
  await tx.stay.create({
    data: {
      id: stayId,
      patientId: patient.id,
      unitId: bed.unitId,
      bedId: bed.id,
      openBedKey: bed.id,
      openPatientKey: patient.id,
      admittedAt,
      admittedById: actor?.userId ?? null,
      diagnosis: a.diagnosis,
      weightKg: a.weightKg,
      heightCm: a.heightCm,
    },
  });
  await tx.bedAssignment.create({
    data: { stayId, fromBedId: null, toBedId: bed.id, at: admittedAt, byId: actor?.userId ?? null },
  });
  await recordAuditEvent({
    db: tx,
    action: "stay.admitted",
    actor,
    context,
    target: { type: "stay", id: stayId },
    unitId: bed.unitId,
    details: { bedId: bed.id, patientId: patient.id, admittedAt: admittedAt.toISOString() },
    now,
  });
  await recordDocumentChange({
    db: tx,
    change: { type: "stay:changed", unitId: bed.unitId, bedId: bed.id, stayId },
    now,
  });
  return { stayId, patientId: patient.id };
}

type TTx = Prisma.TransactionClient;

/** admitPatientInTransaction in a transaction of its own, then the change feed woken. */
export async function admitPatient(
  args: Omit<Parameters<typeof admitPatientInTransaction>[0], "tx"> & { db: Db },
): Promise<{ stayId: string; patientId: string }> {
  const { db, ...rest } = args;
  const result = await db.$transaction((tx) => admitPatientInTransaction({ ...rest, tx }));
  announceCommit(db);
  return result;
}
