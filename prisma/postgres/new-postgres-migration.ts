import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { postgresSchemaOf } from "./postgres-schema";
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, uncoveredSqliteMigrations } from "./migration-coverage";

/*
 * `npm run db:pg:migration`: after a new SQLite migration (prisma/migrations), writes its PostgreSQL counterpart.
 * 1. The PostgreSQL schema committed so far (prisma/postgres/schema.prisma) is the "before";
 * 2. it is regenerated from prisma/schema.prisma, the "after";
 * 3. `prisma migrate diff` between them (offline, from the two schemas) is the migration, written to
 *    prisma/postgres/migrations/<the newest SQLite migration's name>/, with a `-- covers:` line naming the SQLite
 *    migrations it stands for (prisma/postgres/postgres-schema.test.ts fails while one is not covered).
 * A data step or a trigger of the SQLite migration is not in a schema diff: the script says so, and it is ported by
 * hand (PL/pgSQL) into the file it wrote. Needs DATABASE_URL unset or any postgresql:// URL (prisma.config.ts picks
 * the PostgreSQL adapter from it; the diff itself reads no database).
 */
const root = path.resolve(import.meta.dirname, "../..");
const pending = uncoveredSqliteMigrations();
if (pending.length === 0) {
  console.log("Every SQLite migration has its PostgreSQL counterpart: nothing to do.");
  process.exit(0);
}
const schemaFile = path.join(root, "prisma/postgres/schema.prisma");
const before = path.join(tmpdir(), `postgres-schema-before-${process.pid}.prisma`);
writeFileSync(before, readFileSync(schemaFile, "utf8"));
writeFileSync(schemaFile, postgresSchemaOf(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")));
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const diff = execFileSync(
  process.execPath,
  [cli, "migrate", "diff", "--from-schema-datamodel", before, "--to-schema-datamodel", schemaFile, "--script"],
  {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
);
const name = pending[pending.length - 1] as string;
const folder = path.join(POSTGRES_MIGRATIONS, name);
mkdirSync(folder, { recursive: true });
writeFileSync(
  path.join(folder, "migration.sql"),
  `-- covers: ${pending.join(" ")}\n-- Written by \`npm run db:pg:migration\` from the schema diff; data steps and triggers are ported by hand.\n${diff}`,
);
console.log(`Wrote ${path.relative(root, folder)}/migration.sql for ${pending.join(", ")}.`);
for (const migration of pending) {
  const sql = readFileSync(path.join(SQLITE_MIGRATIONS, migration, "migration.sql"), "utf8");
  if (/CREATE TRIGGER|INSERT INTO|UPDATE "/i.test(sql))
    console.log(`${migration} has triggers or data steps: port them into that file by hand (PL/pgSQL).`);
}
