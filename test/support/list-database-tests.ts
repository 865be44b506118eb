import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/*
 * `npm run test:unit:pg` runs the test files that touch the database (a test database, a station, the write path's
 * connection) again against PostgreSQL (TEST_DATABASE=postgres), with Redis: this prints them, one per line, for vitest.
 */
const root = path.resolve(import.meta.dirname, "../..");
// REDIS_URL: the tests of several nodes (test/two-nodes), skipped without Redis, which `npm run test:unit:pg` sets.
const TOUCHES_DATABASE = /createTestDb|createPostgresTestDb|startTestStation|TEST_DATABASE|REDIS_URL/;
const files = readdirSync(root, { recursive: true, encoding: "utf8" })
  .filter((file) => /^(lib|server|app|prisma|bench|components|test)\//.test(file) && /\.test\.tsx?$/.test(file))
  .filter((file) => !file.includes("node_modules") && !file.includes("generated"))
  .filter((file) => TOUCHES_DATABASE.test(readFileSync(path.join(root, file), "utf8")))
  .sort();
console.log(files.join("\n"));
