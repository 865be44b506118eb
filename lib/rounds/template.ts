import { z } from "zod";
import { ZClinicalText } from "@/lib/text/clinical-text";
import { ZDeviceType, findParameter } from "@/lib/catalogue";

/**
 * Round checklists as data (docs/clinical-reference.md §5). A template version is what an admin publishes and what a
 * round is filled with; these schemas are the one contract of the publish endpoint, the built-in versions and the
 * stored rows.
 */

export const ROUND_ITEM_TYPES = ["check", "normal_abnormal", "number", "choice"] as const;

export const ROUND_FREQUENCIES = ["hourly", "shift", "daily"] as const;
export const ZRoundFrequency = z.enum(ROUND_FREQUENCIES);
export type TRoundFrequency = z.infer<typeof ZRoundFrequency>;

const ZLabel = ZClinicalText({ max: 200 }).min(1);

export const ZRoundChoice = z.object({
  value: z.string().regex(/^[a-z0-9_]{1,40}$/, { message: "A choice value is 1–40 lower-case letters, digits or '_'" }),
  labelEn: ZLabel,
  labelFr: ZLabel,
  /** Choosing it is an abnormal finding (a weak or absent pulse). */
  abnormal: z.boolean(),
});
export type TRoundChoice = z.infer<typeof ZRoundChoice>;

const common = {
  /** Stable across versions, so that a bed's history lines the same item up from one version to the next. */
  itemId: z
    .string()
    .regex(/^[a-z0-9_.]{1,80}$/, { message: "An item id is 1–80 lower-case letters, digits, '.' or '_'" }),
  sectionEn: ZLabel,
  sectionFr: ZLabel,
  labelEn: ZLabel,
  labelFr: ZLabel,
  frequency: ZRoundFrequency,
};

export const ZRoundTemplateItem = z.discriminatedUnion(
  "type",
  [
    z.object({ ...common, type: z.literal("check") }),
    z.object({ ...common, type: z.literal("normal_abnormal") }),
    z.object({
      ...common,
      type: z.literal("number"),
      /** UCUM, as in the catalogue ("mL/h", "%"). */
      unit: ZClinicalText({ max: 32 }).min(1),
      /** The plausible range: a value outside it is refused as a typing error, never stored. */
      min: z.number().finite(),
      max: z.number().finite(),
      /** The catalogue parameter the value also becomes an observation of (urine_output, nirs_left…). */
      parameter: z.string().optional(),
    }),
    z.object({ ...common, type: z.literal("choice"), choices: z.array(ZRoundChoice).min(2).max(8) }),
  ],
  {
    error: (issue) =>
      issue.code === "invalid_union" ? `Unknown item type: expected one of ${ROUND_ITEM_TYPES.join(", ")}` : undefined,
  },
);
export type TRoundTemplateItem = z.infer<typeof ZRoundTemplateItem>;

/** What an admin publishes: the items of a new version of one device type's checklist. */
export const ZRoundTemplateInput = z
  .object({
    deviceType: ZDeviceType,
    note: ZClinicalText({ max: 500, multiline: true }).optional(),
    items: z.array(ZRoundTemplateItem).min(1, { message: "A checklist needs at least one item" }).max(200),
  })
  .superRefine(({ items }, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.itemId))
        ctx.addIssue({
          code: "custom",
          path: ["items", index, "itemId"],
          message: `Two items have the id "${item.itemId}"`,
        });
      seen.add(item.itemId);
      if (item.type === "number") {
        if (item.min >= item.max)
          ctx.addIssue({
            code: "custom",
            path: ["items", index, "max"],
            message: `max (${item.max}) must be above min (${item.min})`,
          });
        if (item.parameter !== undefined) checkParameter(item, index, ctx);
      }
      if (item.type === "choice") {
        const values = item.choices.map((c) => c.value);
        if (new Set(values).size !== values.length)
          ctx.addIssue({
            code: "custom",
            path: ["items", index, "choices"],
            message: "Two choices have the same value",
          });
      }
    });
  });
export type TRoundTemplateInput = z.infer<typeof ZRoundTemplateInput>;

/** A number fed to the observation series must be a catalogue parameter, in its unit, inside its plausible range. */
function checkParameter(
  item: Extract<TRoundTemplateItem, { type: "number" }>,
  index: number,
  ctx: z.RefinementCtx,
): void {
  const parameter = findParameter(item.parameter ?? "");
  const path = ["items", index, "parameter"];
  if (!parameter) {
    ctx.addIssue({ code: "custom", path, message: `Unknown catalogue parameter "${item.parameter}"` });
    return;
  }
  if (parameter.unit !== item.unit)
    ctx.addIssue({
      code: "custom",
      path: ["items", index, "unit"],
      message: `${parameter.code} is recorded in ${parameter.unit}, not ${item.unit}`,
    });
  if (item.min < parameter.plausible.min || item.max > parameter.plausible.max) {
    ctx.addIssue({
      code: "custom",
      path: ["items", index, "min"],
      message: `The range must stay within ${parameter.code}'s plausible range ${parameter.plausible.min}–${parameter.plausible.max}`,
    });
  }
}

/** A stored version as the screens receive it. */
export const ZRoundTemplate = z.object({
  id: z.string(),
  deviceType: ZDeviceType,
  version: z.number().int().positive(),
  publishedAt: z.number(),
  publishedBy: z.string().nullable(),
  note: z.string().nullable(),
  items: z.array(ZRoundTemplateItem),
});
export type TRoundTemplate = z.infer<typeof ZRoundTemplate>;

/** Every issue of a refused template as "items.3.type: Unknown item type…", one per line: what and where. */
export function describeTemplateIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "template"}: ${issue.message}`);
}

/** The frequencies a template's items use, in the order of ROUND_FREQUENCIES. */
export function frequenciesOf(items: readonly TRoundTemplateItem[]): TRoundFrequency[] {
  return ROUND_FREQUENCIES.filter((f) => items.some((item) => item.frequency === f));
}
