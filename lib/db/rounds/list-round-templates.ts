import type { TRoundTemplate } from "@/lib/rounds/template";
import type { Db } from "../client";
import { TEMPLATE_INCLUDE, toTemplateDto } from "./round-template-rows";

/** Every published version, newest first within each device type: the admin's page lists them. */
export async function listRoundTemplates({ db }: { db: Db }): Promise<TRoundTemplate[]> {
  const rows = await db.roundTemplate.findMany({
    orderBy: [{ deviceType: "asc" }, { version: "desc" }],
    include: TEMPLATE_INCLUDE,
  });
  return rows.map(toTemplateDto);
}
