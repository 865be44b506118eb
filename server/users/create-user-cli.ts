// `npm run user:create -- --role admin --username <name> --name "<full name>" [--unit <unitId> ...] [--password-stdin]`
//
// How a real deployment gets its first administrator (outside demo mode nothing is seeded), and how IT creates
// accounts from a script. The password is typed at a hidden prompt (twice), piped with --password-stdin, or taken
// from STATION_NEW_PASSWORD; never from the command line. The creation is audited (actor "cli").
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ZCreateUser } from "@/lib/auth/schemas";
import { createDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createUser } from "@/lib/db/users/create-user";
import { readPassword } from "../cli/read-password";
import { ZServerEnv } from "../env";
import { applyPendingMigrations } from "../migrate";

const USAGE =
  'usage: npm run user:create -- --role nurse|physician|perfusionist|admin --username <name> --name "<full name>" [--unit <unitId>]... [--password-stdin]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        role: { type: "string" },
        username: { type: "string" },
        name: { type: "string" },
        unit: { type: "string", multiple: true, default: [] },
        "password-stdin": { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const env = ZServerEnv.pick({ DATABASE_URL: true }).parse(process.env);
  const password = await readPassword({
    prompt: "Password (at least 12 characters): ",
    envVar: "STATION_NEW_PASSWORD",
    fromStdin: args["password-stdin"],
    confirm: true,
  });
  const parsed = ZCreateUser.safeParse({
    username: args.username,
    displayName: args.name,
    role: args.role,
    unitIds: args.unit,
    password,
  });
  if (!parsed.success) {
    console.error(
      `${parsed.error.issues.map((i) => `${i.path.join(".") === "displayName" ? "name" : i.path.join(".")}: ${i.message}`).join("; ")}\n${USAGE}`,
    );
    return 2;
  }

  await applyPendingMigrations(env.DATABASE_URL, path.resolve(import.meta.dirname, "../.."));
  const db = await createDb(env.DATABASE_URL);
  try {
    const user = await createUser({ db, input: parsed.data, actor: null, context: null });
    console.log(
      `created ${user.role} "${user.username}" (${user.displayName})${user.unitIds.length ? ` in ${user.unitIds.join(", ")}` : ""}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(
    error instanceof z.ZodError
      ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
      : error instanceof Error
        ? error.message
        : error,
  );
  return 1;
});
