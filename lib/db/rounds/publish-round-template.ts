import {
  ZRoundTemplateInput,
  describeTemplateIssues,
  type TRoundTemplate,
  type TRoundTemplateInput,
} from "@/lib/rounds/template";
import { recordAuditEvent, type TAuditActor, type TRequestContext } from "../audit/record-audit-event";
import type { Db } from "../client";
import { AppError } from "../../errors/app-error";
import { TEMPLATE_INCLUDE, toItemRow, toTemplateDto } from "./round-template-rows";

/**
 * Publishes a new version of a device type's checklist: the next version number, its items, audited in the same
 * commit. Earlier versions stay as they were (rounds point at them). A template without items, with an unknown
 * item type, a duplicate id or a number outside its catalogue parameter's range is refused, every issue named.
 */
export async function publishRoundTemplate({
  db,
  input,
  actor,
  context,
  now = new Date(),
}: {
  db: Db;
  /** The body as received: checked here, so that every caller gets the same messages. */
  input: unknown;
  /** Null for the built-in versions installed at start-up. */
  actor: TAuditActor | null;
  context: TRequestContext | null;
  now?: Date;
}): Promise<TRoundTemplate> {
  const parsed = ZRoundTemplateInput.safeParse(input);
  if (!parsed.success) {
    const issues = describeTemplateIssues(parsed.error);
    throw new AppError("INVALID_INPUT", `The checklist was not published. ${issues.join("; ")}.`, {
      issues: parsed.error.issues.map((i) => ({ field: i.path.join(".") || "template", message: i.message })),
    });
  }
  const template: TRoundTemplateInput = parsed.data;
  const row = await db.$transaction(async (tx) => {
    const latest = await tx.roundTemplate.findFirst({
      where: { deviceType: template.deviceType },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const version = (latest?.version ?? 0) + 1;
    const id = `${template.deviceType}-v${version}`;
    await tx.roundTemplate.create({
      data: {
        id,
        deviceType: template.deviceType,
        version,
        publishedAt: now,
        publishedById: actor?.userId ?? null,
        note: template.note ?? null,
      },
    });
    await tx.roundTemplateItem.createMany({
      data: template.items.map((item, i) => ({ ...toItemRow(item, i), templateId: id })),
    });
    if (actor) {
      await recordAuditEvent({
        db: tx,
        action: "round-template.published",
        actor,
        context,
        target: { type: "round-template", id },
        details: {
          deviceType: template.deviceType,
          version,
          items: template.items.length,
          note: template.note ?? null,
        },
        now,
      });
    }
    return tx.roundTemplate.findUniqueOrThrow({ where: { id }, include: TEMPLATE_INCLUDE });
  });
  return toTemplateDto(row);
}
