import { DEVICE_TYPES } from "@/lib/catalogue";
import { DEFAULT_ROUND_TEMPLATES } from "@/lib/rounds/default-templates";
import type { Db } from "../client";
import { publishRoundTemplate } from "./publish-round-template";

/**
 * At start-up: a device type that has no checklist yet gets the built-in version 1 (docs/clinical-reference.md §5). One
 * an admin has published is never replaced, so restarting never changes what nurses fill.
 */
export async function installDefaultRoundTemplates({
  db,
  now = new Date(),
}: {
  db: Db;
  now?: Date;
}): Promise<string[]> {
  const installed: string[] = [];
  for (const deviceType of DEVICE_TYPES) {
    if ((await db.roundTemplate.count({ where: { deviceType } })) > 0) continue;
    const template = await publishRoundTemplate({
      db,
      input: DEFAULT_ROUND_TEMPLATES[deviceType],
      actor: null,
      context: null,
      now,
    });
    installed.push(template.id);
  }
  return installed;
}
