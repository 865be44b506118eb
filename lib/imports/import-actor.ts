import { z } from "zod";

/**
 * Who ran an import, as screens name it: ImportJob.actor is "user:<username>" (the import page, the CLI through the
 * station), "mllp:<peer address>" (the MLLP listener) or "cli:<operating-system user>" (the CLI on the database). The
 * history shows a person's display name, never the stored form.
 */
export const ZImportActor = z.object({
  kind: z.enum(["user", "mllp", "cli", "other"]),
  name: z.string(),
});
export type TImportActor = z.infer<typeof ZImportActor>;

export function parseImportActor(actor: string): TImportActor {
  const at = actor.indexOf(":");
  const prefix = at < 0 ? "" : actor.slice(0, at);
  const name = at < 0 ? actor : actor.slice(at + 1);
  return prefix === "user" || prefix === "mllp" || prefix === "cli" ? { kind: prefix, name } : { kind: "other", name };
}
