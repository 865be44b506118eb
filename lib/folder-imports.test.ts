import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The folders of lib/ depend on one another one way (ARCHITECTURE.md): a loop between two of them means a fact or a
 * type sits in the wrong one (the catalogue's thresholds once lived in the bed panel, which imported the alarms'
 * types, whose rules imported the thresholds). Type-only imports count: they tie the folders as firmly. Tests and
 * Prisma's generated client are left out; lib/db is one folder, whatever its subfolders.
 */
const LIB = dirname(fileURLToPath(import.meta.url));
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\s*\(?\s*["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The folder of lib/ that holds a file, or that a specifier names ("@/lib/catalogue"); null outside lib/. */
function folderOf(path: string): string | null {
  const [first] = relative(LIB, path).split(sep);
  return first && first !== ".." && !/\.tsx?$/.test(first) ? first : null;
}

function resolveSpecifier(from: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return resolve(LIB, "..", specifier.slice(2));
  if (specifier.startsWith(".")) return resolve(dirname(from), specifier);
  return null;
}

/** folder → folder it imports → one file that does it, as the failure names it. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(LIB)) {
    const from = folderOf(file);
    if (!from) continue;
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = resolveSpecifier(file, match[1] ?? match[2] ?? "");
      const to = target ? folderOf(target) : null;
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      graph.set(from, edges);
      if (!edges.has(to)) edges.set(to, `${relative(LIB, file)} → ${match[1] ?? match[2]}`);
    }
  }
  return graph;
}

/** Every loop as the import that closes it and the way back, found by walking the graph depth first. */
function findCycles(graph: Map<string, Map<string, string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const walk = (folder: string, path: string[]) => {
    if (path.includes(folder)) {
      const loop = [...path.slice(path.indexOf(folder)), folder];
      cycles.push(loop.slice(1).map((to, i) => `${loop[i]} → ${to} (${graph.get(loop[i] ?? "")?.get(to) ?? "?"})`));
      return;
    }
    if (done.has(folder)) return;
    for (const to of graph.get(folder)?.keys() ?? []) walk(to, [...path, folder]);
    done.add(folder);
  };
  for (const folder of graph.keys()) walk(folder, []);
  return cycles;
}

describe("lib folder imports", () => {
  const graph = folderGraph();

  it("are read from every folder (the check is not empty)", () => {
    expect(statSync(join(LIB, "catalogue")).isDirectory()).toBe(true);
    expect([...(graph.get("alarms")?.keys() ?? [])]).toContain("catalogue");
    expect([...(graph.get("db")?.keys() ?? [])]).toContain("catalogue");
  });

  it("form no loop between folders", () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it("keep the alarm rules free of display code: lib/alarms imports neither lib/station nor lib/bed", () => {
    const alarms = graph.get("alarms");
    expect(alarms?.get("station")).toBeUndefined();
    expect(alarms?.get("bed")).toBeUndefined();
  });
});
