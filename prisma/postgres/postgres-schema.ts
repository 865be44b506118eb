/**
 * The PostgreSQL schema is derived from the SQLite one (prisma/schema.prisma), never edited by hand: one Prisma schema
 * cannot switch its provider from the environment (docs/stack.md), and two hand-kept schemas would drift. The models,
 * fields, enums and indexes are the same text; only the datasource and the generated client's folder differ, so both
 * clients have the same types (lib/db/client.ts uses one type for both). A sequence number is already BigInt in the
 * SQLite schema (lib/db/seq.ts), which PostgreSQL stores as BIGINT (BIGSERIAL for an autoincrement id).
 *
 * `npm run db:pg:schema` writes it; prisma/postgres/postgres-schema.test.ts fails when the committed file differs.
 */
export function postgresSchemaOf(sqliteSchema: string): string {
  const replaced = replaceOnce(
    replaceOnce(
      sqliteSchema,
      /datasource db \{[^}]*\}/,
      `datasource db {\n  provider = "postgresql"\n  // Not used at run time (the driver adapter opens a pg pool), but required by the schema's grammar.\n  url      = "postgresql://localhost/station"\n}`,
    ),
    /output += "\.\.\/lib\/db\/generated"/,
    `output       = "../../lib/db/generated-pg"`,
  );
  return `// GENERATED from prisma/schema.prisma by \`npm run db:pg:schema\` (prisma/postgres/postgres-schema.ts): do not edit.\n${replaced}`;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text))
    throw new Error(`prisma/schema.prisma no longer has ${String(pattern)}: update postgres-schema.ts`);
  return text.replace(pattern, replacement);
}
