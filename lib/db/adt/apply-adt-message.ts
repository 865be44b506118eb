import { ZodError } from "zod";
import { INTERFACE_ACTOR_PREFIX } from "@/lib/auth/audit-actions";
import type { TAdtMessage } from "@/lib/imports/hl7/adt-message";
import type { TAckError } from "@/lib/imports/hl7/build-hl7-ack";
import { recordAuditEvent, type TAuditActor } from "../audit/record-audit-event";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { admitPatient } from "../stays/admit-patient";
import { cancelAdmission } from "../stays/cancel-admission";
import { cancelDischarge } from "../stays/cancel-discharge";
import { cancelTransfer } from "../stays/cancel-transfer";
import { dischargeStay } from "../stays/discharge-stay";
import { mergePatients } from "../stays/merge-patients";
import { moveStay } from "../stays/move-stay";
import { updatePatient } from "../stays/update-patient";
import { resolveAdtBed } from "./resolve-adt-bed";

/** What became of an ADT message: done (or already done: a re-sent message), or refused with where and why. */
export type TAdtOutcome =
  | { readonly status: "applied"; readonly text: string }
  | { readonly status: "refused"; readonly field: string; readonly code: TAckError["code"]; readonly reason: string };

/** An operation's field (AppError details, zod paths) → the HL7 field of the message that carried it. */
const HL7_FIELD: Record<string, string> = {
  bedId: "PV1-3",
  toBedId: "PV1-3",
  mrn: "PID-3",
  mergedMrn: "MRG-1",
  givenName: "PID-5",
  familyName: "PID-5",
  birthDate: "PID-7",
  sex: "PID-8",
  weightKg: "OBX-5",
  heightCm: "OBX-5",
  diagnosis: "DG1-3",
};

/**
 * Maps one ADT message to the stay operation it stands for (lib/db/stays; each is one transaction that audits and
 * tells the screens) with the sending system as the actor. A refusal of the operation (unknown bed, occupied bed,
 * patient not admitted, data already recorded…) is answered with the HL7 field it concerns, nothing is written but
 * an audit event of the refusal. Other failures are thrown (the caller answers AR: resend later).
 */
export async function applyAdtMessage({
  db,
  message: m,
  now = new Date(),
}: {
  db: Db;
  message: TAdtMessage;
  now?: Date;
}): Promise<TAdtOutcome> {
  const actor: TAuditActor = { userId: null, username: `${INTERFACE_ACTOR_PREFIX}${m.sender}`, role: null };
  const context = null;
  const at = m.time ? m.time.at.getTime() : null;
  const refuse = (field: string, code: TAckError["code"], reason: string): TAdtOutcome => ({
    status: "refused",
    field,
    code,
    reason,
  });
  const openStay = () =>
    db.stay.findFirst({
      where: { patient: { identifier: m.mrn }, dischargedAt: null },
      include: { bed: { select: { label: true } } },
    });

  const apply = async (): Promise<TAdtOutcome> => {
    switch (m.event) {
      case "A01": {
        const bed = m.location && (await resolveAdtBed({ db, location: m.location }));
        if (!bed) return refuse("PV1-3", "204", `no bed "${locationText(m)}" at this station`);
        const open = await openStay();
        if (open?.bedId === bed.bedId) return { status: "applied", text: `already admitted in bed ${bed.label}` };
        if (!m.patient.birthDate) return refuse("PID-7", "101", "PID-7 (date of birth) is required to admit");
        await admitPatient({
          db,
          input: {
            unitId: bed.unitId,
            bedId: bed.bedId,
            mrn: m.mrn,
            givenName: m.patient.givenName,
            familyName: m.patient.familyName,
            birthDate: m.patient.birthDate,
            sex: m.patient.sex ?? "U",
            weightKg: m.weightKg,
            heightCm: m.heightCm,
            diagnosis: m.diagnosis,
            admittedAt: at,
          },
          actor,
          context,
          now,
        });
        return { status: "applied", text: `admitted in bed ${bed.label}` };
      }
      case "A02": {
        const bed = m.location && (await resolveAdtBed({ db, location: m.location }));
        if (!bed) return refuse("PV1-3", "204", `no bed "${locationText(m)}" at this station`);
        const open = await openStay();
        if (!open) return refuse("PID-3", "204", `no admitted patient with MRN ${m.mrn}`);
        if (open.bedId === bed.bedId) return { status: "applied", text: `already in bed ${bed.label}` };
        await moveStay({ db, input: { stayId: open.id, toBedId: bed.bedId, movedAt: at }, actor, context, now });
        return { status: "applied", text: `moved from bed ${open.bed.label} to bed ${bed.label}` };
      }
      case "A03": {
        const open = await openStay();
        if (!open) return refuse("PID-3", "204", `no admitted patient with MRN ${m.mrn}: nothing to discharge`);
        const disposition = m.disposition ?? "ward";
        await dischargeStay({ db, input: { stayId: open.id, disposition, dischargedAt: at }, actor, context, now });
        return { status: "applied", text: `discharged from bed ${open.bed.label} (${disposition})` };
      }
      case "A08": {
        const { changed } = await updatePatient({
          db,
          input: {
            mrn: m.mrn,
            givenName: m.patient.givenName || null,
            familyName: m.patient.familyName || null,
            birthDate: m.patient.birthDate,
            sex: m.patient.sex,
            weightKg: m.weightKg,
            heightCm: m.heightCm,
          },
          actor,
          context,
          now,
        });
        return { status: "applied", text: changed.length ? `updated: ${changed.join(", ")}` : "nothing changed" };
      }
      case "A11": {
        await cancelAdmission({ db, mrn: m.mrn, actor, context, now });
        return { status: "applied", text: "admission cancelled" };
      }
      case "A12": {
        await cancelTransfer({ db, mrn: m.mrn, actor, context, now });
        return { status: "applied", text: "transfer cancelled" };
      }
      case "A13": {
        await cancelDischarge({ db, mrn: m.mrn, actor, context, now });
        return { status: "applied", text: "discharge cancelled" };
      }
      case "A40": {
        await mergePatients({ db, survivingMrn: m.mrn, mergedMrn: m.priorMrn ?? "", actor, context, now });
        return { status: "applied", text: `MRN ${m.priorMrn ?? ""} merged into ${m.mrn}` };
      }
    }
  };

  let outcome: TAdtOutcome;
  try {
    outcome = await apply();
  } catch (error) {
    if (error instanceof AppError && error.code !== "INTERNAL") {
      const field = typeof error.details?.field === "string" ? error.details.field : "";
      const hl7 = HL7_FIELD[field] ?? (field.endsWith("At") ? (m.time?.field ?? "EVN-2") : "PID-3");
      outcome = refuse(hl7, error.code === "INVALID_INPUT" ? "102" : "204", error.message);
    } else if (error instanceof ZodError) {
      const issue = error.issues[0];
      const path = String(issue?.path[0] ?? "");
      outcome = refuse(HL7_FIELD[path] ?? "PID-3", "102", `${path}: ${issue?.message ?? "invalid"}`);
    } else throw error;
  }
  if (outcome.status === "refused")
    await recordAuditEvent({
      db,
      action: "adt.refused",
      outcome: "failure",
      actor,
      context,
      details: {
        event: m.event,
        controlId: m.controlId,
        mrn: m.mrn,
        field: outcome.field,
        reason: outcome.reason,
      },
      now,
    });
  return outcome;
}

function locationText(m: TAdtMessage): string {
  return m.location ? `${m.location.pointOfCare}^${m.location.room}^${m.location.bed}` : "";
}
