// `npm run import` starts here. It bundles the import CLI (server/imports/cli.ts and the project modules it imports;
// packages stay in node_modules) with esbuild, then runs the bundle in this same process. tsx, which runs the station
// (`npm start`), compiles on a loader thread of its own: a second JavaScript heap of ≈ 35 MB, and a function-naming
// wrapper on every closure, which a million-row import pays for in memory and time (bench/import-csv.ts,
// docs/imports.md). The bundle is written under node_modules/.cache, so that its packages resolve as the sources' do,
// in a folder of its own (two imports may run at once), deleted when the import ends; one left by a killed import is
// deleted by the next.
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

const root = path.resolve(import.meta.dirname, "../..");
const cache = path.join(root, "node_modules", ".cache", "station-import");
const outdir = path.join(cache, `cli-${process.pid}-${Date.now()}`);
mkdirSync(cache, { recursive: true });
for (const name of readdirSync(cache)) {
  const dir = path.join(cache, name);
  // A bundle is read within seconds of being written: one a minute old belongs to no import still starting.
  if (Date.now() - statSync(dir).mtimeMs > 60_000) rmSync(dir, { recursive: true, force: true });
}
try {
  buildSync({
    // The CLI, and the writer thread it starts beside itself (server/imports/worker-inserter.ts looks for it there).
    entryPoints: {
      cli: path.join(root, "server/imports/cli.ts"),
      "insert-worker": path.join(root, "server/imports/insert-worker.ts"),
    },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "error",
  });
  await import(pathToFileURL(path.join(outdir, "cli.mjs")).href);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
