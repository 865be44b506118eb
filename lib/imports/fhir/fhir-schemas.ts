import { z } from "zod";

/**
 * The subset of FHIR R4 the importer reads, validated at the edge. Objects are loose: a resource carries many
 * elements the station does not use, and refusing them would refuse valid FHIR.
 */
export const ZFhirCoding = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});

export const ZFhirCodeableConcept = z.looseObject({
  coding: z.array(ZFhirCoding).optional(),
  text: z.string().optional(),
});

export const ZFhirIdentifier = z.looseObject({
  system: z.string().optional(),
  value: z.string().optional(),
  type: ZFhirCodeableConcept.optional(),
});
export type TFhirIdentifier = z.infer<typeof ZFhirIdentifier>;

export const ZFhirReference = z.looseObject({
  reference: z.string().optional(),
  identifier: ZFhirIdentifier.optional(),
  display: z.string().optional(),
});

export const ZFhirQuantity = z.looseObject({
  value: z.number().optional(),
  comparator: z.string().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});

export const ZFhirObservation = z.looseObject({
  resourceType: z.literal("Observation"),
  id: z.string().optional(),
  meta: z.looseObject({ versionId: z.string().optional() }).optional(),
  identifier: z.array(ZFhirIdentifier).optional(),
  status: z.string(),
  code: ZFhirCodeableConcept,
  subject: ZFhirReference.optional(),
  effectiveDateTime: z.string().optional(),
  effectiveInstant: z.string().optional(),
  effectivePeriod: z.looseObject({ start: z.string().optional() }).optional(),
  valueQuantity: ZFhirQuantity.optional(),
  valueString: z.string().optional(),
  valueCodeableConcept: ZFhirCodeableConcept.optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().optional(),
  dataAbsentReason: ZFhirCodeableConcept.optional(),
});
export type TFhirObservation = z.infer<typeof ZFhirObservation>;

export const ZFhirPatient = z.looseObject({
  resourceType: z.literal("Patient"),
  id: z.string().optional(),
  identifier: z.array(ZFhirIdentifier).optional(),
});

export const BUNDLE_TYPES_READ = ["batch", "transaction", "collection", "searchset", "message"] as const;

export const ZFhirBundle = z.looseObject({
  resourceType: z.literal("Bundle"),
  id: z.string().optional(),
  type: z.string(),
  entry: z
    .array(
      z.looseObject({
        fullUrl: z.string().optional(),
        resource: z.looseObject({ resourceType: z.string() }).optional(),
        request: z.looseObject({ method: z.string().optional(), url: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});
