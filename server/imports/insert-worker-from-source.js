// The writer thread when the import CLI runs from its TypeScript sources (tests, `node --import tsx
// server/imports/cli.ts`): a worker thread does not inherit the tsx loader, so it registers it before loading
// insert-worker.ts. The CLI as users run it (`npm run import`) starts the bundled insert-worker.mjs instead
// (server/imports/launch-cli.js).
import { register } from "tsx/esm/api";

register();
await import("./insert-worker.ts");
