import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Prisma 6.19 with the JavaScript schema engine: works offline (docs/stack.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: () =>
    Promise.resolve(
      new PrismaBetterSQLite3(
        { url: process.env.DATABASE_URL ?? "file:./data/station.db" },
        { timestampFormat: "unixepoch-ms" },
      ),
    ),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
