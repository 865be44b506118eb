import { createHash } from "node:crypto";
import type { z } from "zod";
import type { TImportItem, TImportLocation, TImportRecord, TParsedTime, TImportStatus } from "../import-record";
import { sourceRef } from "../source-ref";
import {
  BUNDLE_TYPES_READ,
  ZFhirBundle,
  ZFhirObservation,
  ZFhirPatient,
  type TFhirIdentifier,
  type TFhirObservation,
} from "./fhir-schemas";
import { parseFhirTime } from "./parse-fhir-time";

export type TFhirRead =
  | { readonly kind: "bundle"; readonly bundleType: string; readonly entryCount: number; readonly items: TImportItem[] }
  | { readonly kind: "observation"; readonly items: TImportItem[] }
  | { readonly kind: "invalid"; readonly reason: string; readonly field: string };

const UCUM = "http://unitsofmeasure.org";
const STATUS: Record<string, TImportStatus> = {
  final: "final",
  amended: "corrected",
  corrected: "corrected",
  preliminary: "preliminary",
  registered: "pending",
  cancelled: "cancelled",
  "entered-in-error": "cancelled",
};

/**
 * Reads a FHIR R4 Observation or a Bundle of them (batch, transaction, collection, searchset) into import records.
 * Each entry is validated on its own, so that one malformed Observation is reported and the others are read. The
 * patient comes from the Patient resource the Observation's subject points at within the Bundle, or from
 * subject.identifier; the time from effective[x], never from `issued` (when the lab released it).
 */
export function readFhirJson({ json, file }: { json: unknown; file: string }): TFhirRead {
  const type =
    typeof json === "object" && json !== null && "resourceType" in json ? String(json.resourceType) : undefined;
  if (type === "Observation") return { kind: "observation", items: [readEntry(json, { file }, new Map(), undefined)] };
  if (type !== "Bundle")
    return {
      kind: "invalid",
      field: "resourceType",
      reason: `resourceType ${type ?? "(none)"}: send an Observation or a Bundle`,
    };

  const bundle = ZFhirBundle.safeParse(json);
  if (!bundle.success)
    return {
      kind: "invalid",
      field: issuePath(bundle.error),
      reason: `not a valid Bundle: ${issueText(bundle.error)}`,
    };
  const { type: bundleType, entry = [] } = bundle.data;
  if (!(BUNDLE_TYPES_READ as readonly string[]).includes(bundleType)) {
    return {
      kind: "invalid",
      field: "type",
      reason: `Bundle type ${bundleType} is not read (send ${BUNDLE_TYPES_READ.join(", ")})`,
    };
  }

  const patients = new Map<string, string[]>();
  for (const e of entry) {
    const patient = ZFhirPatient.safeParse(e.resource);
    if (!patient.success) continue;
    const ids = orderIdentifiers(patient.data.identifier ?? []);
    if (e.fullUrl) patients.set(e.fullUrl, ids);
    if (patient.data.id) patients.set(`Patient/${patient.data.id}`, ids);
  }

  const items: TImportItem[] = [];
  entry.forEach((e, index) => {
    if (e.resource?.resourceType !== "Observation") return;
    items.push(readEntry(e.resource, { file, entry: index }, patients, e.fullUrl));
  });
  return { kind: "bundle", bundleType, entryCount: entry.length, items };
}

function readEntry(
  resource: unknown,
  where: TImportLocation,
  patients: Map<string, string[]>,
  fullUrl: string | undefined,
): TImportItem {
  const parsed = ZFhirObservation.safeParse(resource);
  if (!parsed.success) {
    const location = [where.file, where.entry === undefined ? "" : `entry[${where.entry}]`].filter(Boolean).join(" ");
    return {
      type: "unreadable",
      entry: where.entry,
      rejection: {
        location,
        field: issuePath(parsed.error),
        value: "",
        code: "UNREADABLE",
        reason: `not a valid Observation: ${issueText(parsed.error)}`,
      },
    };
  }
  const o = parsed.data;
  const status = STATUS[o.status] ?? "unknown";
  const { time, timeText, timeField } = readTime(o);
  const quantity = o.valueQuantity;
  const value = readValue(o);
  const record: TImportRecord = {
    location: { ...where, segment: `Observation/${o.id ?? "(no id)"}` },
    fields: {
      patient: "subject",
      code: "code",
      value: value.field,
      unit: "valueQuantity.code",
      time: timeField,
      status: "status",
    },
    patientIdentifiers: readPatient(o, patients),
    codings: (o.code.coding ?? [])
      .filter((c) => c.code)
      .map((c) => ({ system: c.system ?? "", code: c.code ?? "", display: c.display })),
    valueType: value.type,
    valueText: value.text,
    valueNote: o.dataAbsentReason?.text ?? o.dataAbsentReason?.coding?.[0]?.code,
    unit: (quantity?.system === UCUM ? quantity.code : undefined) ?? quantity?.unit ?? quantity?.code ?? "",
    time,
    timeText,
    status,
    statusText: o.status,
    sourceRef: sourceRef("fhir", [
      fullUrl ??
        (o.id
          ? `Observation/${o.id}`
          : `sha256:${createHash("sha256").update(JSON.stringify(resource)).digest("hex")}`),
      ...(o.meta?.versionId ? [`v${o.meta.versionId}`] : []),
      // A correction or a cancellation re-sent under the same id and version is still a new fact.
      ...(status === "final" ? [] : [o.status]),
    ]),
    ...resultKey(o),
  };
  return { type: "record", record };
}

/**
 * "The same result" across submissions: the Observation's business identifier (the lab's, stable across servers),
 * else its logical id. A correction is the same resource sent again with status corrected or amended.
 */
function resultKey(o: TFhirObservation): { resultKey?: string } {
  const identifier = o.identifier?.find((i) => i.value?.trim());
  if (identifier)
    return { resultKey: sourceRef("fhir", ["identifier", identifier.system ?? "", identifier.value ?? ""]) };
  return o.id ? { resultKey: sourceRef("fhir", [`Observation/${o.id}`]) } : {};
}

function readTime(o: TFhirObservation): { time: TParsedTime; timeText: string; timeField: string } {
  if (o.effectiveDateTime)
    return { time: parseFhirTime(o.effectiveDateTime), timeText: o.effectiveDateTime, timeField: "effectiveDateTime" };
  if (o.effectiveInstant)
    return { time: parseFhirTime(o.effectiveInstant), timeText: o.effectiveInstant, timeField: "effectiveInstant" };
  if (o.effectivePeriod?.start)
    return {
      time: parseFhirTime(o.effectivePeriod.start),
      timeText: o.effectivePeriod.start,
      timeField: "effectivePeriod.start",
    };
  return {
    time: { ok: false, reason: "no effective[x]: the time the sample was taken is needed (issued is not it)" },
    timeText: "",
    timeField: "effectiveDateTime",
  };
}

function readValue(o: TFhirObservation): { type: string; text: string; field: string } {
  const q = o.valueQuantity;
  if (q)
    return {
      type: "Quantity",
      text: q.value === undefined ? "" : `${q.comparator ?? ""}${q.value}`,
      field: "valueQuantity.value",
    };
  if (o.valueString !== undefined) return { type: "string", text: o.valueString, field: "valueString" };
  if (o.valueCodeableConcept) {
    const c = o.valueCodeableConcept;
    return { type: "CodeableConcept", text: c.coding?.[0]?.code ?? c.text ?? "(coded)", field: "valueCodeableConcept" };
  }
  if (o.valueInteger !== undefined) return { type: "integer", text: String(o.valueInteger), field: "valueInteger" };
  if (o.valueBoolean !== undefined) return { type: "boolean", text: String(o.valueBoolean), field: "valueBoolean" };
  return { type: "Quantity", text: "", field: "valueQuantity.value" };
}

function readPatient(o: TFhirObservation, patients: Map<string, string[]>): string[] {
  const reference = o.subject?.reference;
  const inBundle = reference ? patients.get(reference) : undefined;
  if (inBundle && inBundle.length > 0) return inBundle;
  const value = o.subject?.identifier?.value?.trim();
  return value ? [value] : [];
}

/** Medical record numbers first: the station's Patient.identifier is the hospital's MRN. */
function orderIdentifiers(identifiers: readonly TFhirIdentifier[]): string[] {
  const isMr = (i: TFhirIdentifier) => i.type?.coding?.some((c) => c.code === "MR") ?? false;
  const ordered = [...identifiers.filter(isMr), ...identifiers.filter((i) => !isMr(i))];
  return [...new Set(ordered.map((i) => i.value?.trim() ?? "").filter(Boolean))];
}

function issuePath(error: z.ZodError): string {
  return error.issues[0]?.path.join(".") || "resource";
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "resource"}: ${issue.message}` : "invalid";
}
