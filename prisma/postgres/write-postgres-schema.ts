import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { postgresSchemaOf } from "./postgres-schema";

// `npm run db:pg:schema`: writes prisma/postgres/schema.prisma from prisma/schema.prisma.
const root = path.resolve(import.meta.dirname, "../..");
writeFileSync(
  path.join(root, "prisma/postgres/schema.prisma"),
  postgresSchemaOf(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")),
);
