import { readFile } from "node:fs/promises";
import { ZLocalCodeTable, type TLocalCode } from "@/lib/imports/codes/local-codes";

/** A site's table of local codes, validated: a wrong entry stops the start with the entry's index and the problem. */
export async function loadLocalCodes(filePath: string | undefined): Promise<TLocalCode[]> {
  if (!filePath) return [];
  let json: unknown;
  try {
    json = JSON.parse(await readFile(filePath, "utf8"));
  } catch (error) {
    throw new Error(`local codes ${filePath}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const parsed = ZLocalCodeTable.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`local codes ${filePath}: [${issue?.path.join(".") ?? ""}] ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
