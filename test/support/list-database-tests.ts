import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/*
 * `npm run test:unit:pg` runs the test files that touch the database (a test database, a station, the write path's
 * connection) again against PostgreSQL (TEST_DATABASE=postgres): this prints them, one per line, for vitest.
 */
const root = path.resolve(import.meta.dirname, "../..");
const TOUCHES_DATABASE = /createTestDb|createPostgresTestDb|startTestStation|TEST_DATABASE/;
const files = readdirSync(root, { recursive: true, encoding: "utf8" })
  .filter((file) => /^(lib|server|app|prisma|bench|components|test)\//.test(file) && /\.test\.tsx?$/.test(file))
  .filter((file) => !file.includes("node_modules") && !file.includes("generated"))
  .filter((file) => TOUCHES_DATABASE.test(readFileSync(path.join(root, file), "utf8")))
  .sort();
console.log(files.join("\n"));
