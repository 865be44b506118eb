// `npm run db:seed`: migrates the database and seeds the demo unit and the demo accounts, as `npm start` does in demo
// mode. Idempotent.
import { createDb } from "@/lib/db/client";
import { seedDemoAccounts } from "@/lib/db/demo/seed-demo-accounts";
import { seedDemoUnit } from "@/lib/db/demo/seed-demo-unit";
import { ZScenarioName } from "@/lib/simulator/scenarios";
import { parseServerEnv } from "@/server/env";
import { applyMigrations } from "@/server/migrate";

const env = parseServerEnv(process.env);
await applyMigrations(env.DATABASE_URL);
const db = await createDb(env.DATABASE_URL);
const scenarios = env.SIMULATOR_SCENARIOS?.split(",").map((s) => ZScenarioName.parse(s.trim()));
const result = await seedDemoUnit({ db, now: new Date(), seed: env.SIMULATOR_SEED, beds: env.DEMO_BEDS, scenarios });
console.log(
  result.created
    ? `demo unit "${result.unitId}" created`
    : `demo unit "${result.unitId}" already present: nothing to do`,
);
const accounts = await seedDemoAccounts({ db, unitId: result.unitId, now: new Date() });
console.log(
  accounts.created.length ? `demo accounts created: ${accounts.created.join(", ")}` : "demo accounts already present",
);
await db.$disconnect();
