import { z } from "zod";
import type { TDeviceType } from "@/lib/catalogue";
import { ZRoundChoice, ZRoundTemplateItem, type TRoundTemplate, type TRoundTemplateItem } from "@/lib/rounds/template";
import type { Db } from "../client";
import { Prisma } from "../generated/client";

/** A template version with its items, as read from the database. */
export const TEMPLATE_INCLUDE = {
  items: { orderBy: { position: "asc" } },
  publishedBy: { select: { displayName: true } },
} as const satisfies Prisma.RoundTemplateInclude;
export type TTemplateRow = Prisma.RoundTemplateGetPayload<{ include: typeof TEMPLATE_INCLUDE }>;

/**
 * Rows back to the template contract, through the same schema as a publication: a row no longer valid (edited by
 * hand) fails loudly rather than showing a nurse a half checklist.
 */
export function toTemplateDto(row: TTemplateRow): TRoundTemplate {
  const items = row.items.map((r): TRoundTemplateItem => {
    const base = {
      itemId: r.itemId,
      sectionEn: r.sectionEn,
      sectionFr: r.sectionFr,
      labelEn: r.labelEn,
      labelFr: r.labelFr,
      frequency: r.frequency,
      type: r.type,
    };
    const raw =
      r.type === "number"
        ? { ...base, unit: r.unit, min: r.min, max: r.max, ...(r.parameter ? { parameter: r.parameter } : {}) }
        : r.type === "choice"
          ? { ...base, choices: z.array(ZRoundChoice).parse(r.choices ?? []) }
          : base;
    return ZRoundTemplateItem.parse(raw);
  });
  return {
    id: row.id,
    deviceType: row.deviceType,
    version: row.version,
    publishedAt: row.publishedAt.getTime(),
    publishedBy: row.publishedBy?.displayName ?? null,
    note: row.note,
    items,
  };
}

/** An item as its row (position from its place in the list). */
export function toItemRow(
  item: TRoundTemplateItem,
  position: number,
): Omit<Prisma.RoundTemplateItemCreateManyInput, "templateId"> {
  return {
    itemId: item.itemId,
    position,
    sectionEn: item.sectionEn,
    sectionFr: item.sectionFr,
    labelEn: item.labelEn,
    labelFr: item.labelFr,
    type: item.type,
    frequency: item.frequency,
    unit: item.type === "number" ? item.unit : null,
    min: item.type === "number" ? item.min : null,
    max: item.type === "number" ? item.max : null,
    parameter: item.type === "number" ? (item.parameter ?? null) : null,
    // Prisma.DbNull: SQL NULL, as for every item that is not a choice, not the JSON value null.
    choices: item.type === "choice" ? item.choices : Prisma.DbNull,
  };
}

/** The version new rounds of a device type use: its newest. Null when none was ever published. */
export async function findCurrentTemplate({
  db,
  deviceType,
}: {
  db: Pick<Db, "roundTemplate">;
  deviceType: TDeviceType;
}): Promise<TRoundTemplate | null> {
  const row = await db.roundTemplate.findFirst({
    where: { deviceType },
    orderBy: { version: "desc" },
    include: TEMPLATE_INCLUDE,
  });
  return row ? toTemplateDto(row) : null;
}
