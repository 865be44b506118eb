import { resetE2eDatabase } from "./e2e-database";

// The webServer's first step (playwright.config.ts): its database made afresh for the run, SQLite or PostgreSQL.
const [dbFile] = process.argv.slice(2);
if (!dbFile) throw new Error("usage: reset-e2e-database-cli.ts <data/e2e/name.db>");
await resetE2eDatabase(dbFile);
