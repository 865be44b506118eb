import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { TNodeRouteSpec } from "@/server/node-route-table";

const SERVER_DIR = path.resolve(import.meta.dirname, "../../server");

export interface TNodeRouteTable {
  /** The module, relative to server/. */
  readonly file: string;
  readonly routes: readonly TNodeRouteSpec[];
}

/**
 * Every route table of the Node process (server/node-route-table.ts), found in server/'s sources and read from the
 * modules that declare them; and the modules that answer requests (a `(req, res): boolean` route) without declaring
 * one, which the access matrix refuses.
 */
export async function discoverNodeRoutes(): Promise<{ tables: TNodeRouteTable[]; withoutTable: string[] }> {
  const tables: TNodeRouteTable[] = [];
  const withoutTable: string[] = [];
  const files = readdirSync(SERVER_DIR, { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
  );
  for (const file of files) {
    const source = readFileSync(path.join(SERVER_DIR, file), "utf8");
    const names = [...source.matchAll(/export const (\w+) = defineNodeRoutes\(/g)].map((m) => m[1] ?? "");
    if (names.length === 0) {
      if (/res: ServerResponse\): boolean/.test(source)) withoutTable.push(file);
      continue;
    }
    const module = (await import(path.join(SERVER_DIR, file))) as Record<string, readonly TNodeRouteSpec[]>;
    for (const name of names) tables.push({ file, routes: module[name] ?? [] });
  }
  return { tables, withoutTable };
}
