import { z } from "zod";

/**
 * A unit's ADT point-of-care codes: the values of HL7 PV1-3.1 by which the hospital's ADT feed names this unit
 * (docs/imports.md). Without any, PV1-3.1 must be the unit's id. A code names one unit only.
 */
export const ZUnitPointsOfCare = z.object({
  codes: z
    .array(
      z
        .string()
        .trim()
        .min(1, { message: "is empty" })
        .max(40, { message: "at most 40 characters" })
        .regex(/^[A-Za-z0-9._-]+$/, { message: "letters, digits, dot, dash or underscore only" }),
    )
    .max(20, { message: "at most 20 codes" })
    .refine((codes) => new Set(codes).size === codes.length, { message: "a code is listed twice" }),
});
export type TUnitPointsOfCare = z.infer<typeof ZUnitPointsOfCare>;
