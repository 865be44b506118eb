/*
 * Indexes Prisma cannot declare (a partial index: `@@index` has no WHERE clause). The migrations create them in SQL;
 * the drift checks (prisma/schema-matches-migrations.test.ts, prisma/postgres/postgres-schema.test.ts) add them to
 * the database they build from the schema, so that the two still compare equal. One statement per index, the same
 * text on both engines.
 */
export const PARTIAL_INDEXES: readonly string[] = [
  // The current row of a laboratory result (lib/db/observations/current-result-sql.ts): only rows with a resultKey,
  // so the device readings, most of the table, pay for no entry.
  `CREATE INDEX "Observation_stayId_resultKey_seq_idx" ON "Observation"("stayId", "resultKey", "seq") WHERE "resultKey" IS NOT NULL;`,
];
