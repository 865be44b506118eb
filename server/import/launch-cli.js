// `npm run import` starts here. It bundles the import CLI (server/import/cli.ts and the project modules it imports;
// packages stay in node_modules) with esbuild, then runs the bundle in this same process. tsx, which runs the station
// (`npm start`), compiles on a loader thread of its own: a second JavaScript heap of ≈ 35 MB, and a function-naming
// wrapper on every closure, which a million-row import pays for in memory and time (bench/import-csv.ts, docs/imports.md).
// The bundle is written under node_modules/.cache, so that its packages resolve as the sources' do, under a name of
// its own (two imports may run at once) and deleted once loaded; one left by a killed import is deleted by the next.
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

const root = path.resolve(import.meta.dirname, "../..");
const outfile = path.join(root, "node_modules", ".cache", "station-import", `cli-${process.pid}-${Date.now()}.mjs`);
mkdirSync(path.dirname(outfile), { recursive: true });
for (const name of readdirSync(path.dirname(outfile))) {
  const file = path.join(path.dirname(outfile), name);
  // A bundle is read once, within a second of being written: one a minute old belongs to no import still starting.
  if (Date.now() - statSync(file).mtimeMs > 60_000) rmSync(file, { force: true });
}
try {
  buildSync({
    entryPoints: [path.join(root, "server/import/cli.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "error",
  });
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
