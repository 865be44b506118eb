import { expect } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/db/auth/request-context";
import { provideDb } from "@/lib/db/get-db";
import type { Db } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";

/*
 * What the administration route tests share (in test/support, with the other vitest helpers). A real SQLite file
 * handed to the route handlers through getDb(), two units, and a signed-in admin and nurse whose cookies the requests
 * carry, as the browser's would.
 */

export interface TAdminWorld {
  test: TestDb;
  db: Db;
  unitA: string;
  unitB: string;
  admin: TTestSession;
  nurse: TTestSession;
}

export async function createAdminWorld(): Promise<TAdminWorld> {
  const test = await createTestDb();
  const unitA = "unit-a";
  const unitB = "unit-b";
  await test.db.unit.createMany({
    data: [
      { id: unitA, name: "Unit A", timeZone: "Europe/Paris" },
      { id: unitB, name: "Unit B", timeZone: "Europe/Paris" },
    ],
  });
  provideDb(test.db);
  const admin = await signInTestUser(test.db, { role: "admin", unitIds: [unitA] });
  const nurse = await signInTestUser(test.db, { role: "nurse", unitIds: [unitA] });
  return { test, db: test.db, unitA, unitB, admin, nurse };
}

/** A request as the Node server hands it to Next: the session cookie, and the client address its gate stamped. */
export function adminRequest(
  path: string,
  options: { cookie?: string; method?: string; body?: unknown } = {},
): Request {
  const headers = new Headers({ [CLIENT_IP_HEADER]: "10.0.0.7", "user-agent": "vitest" });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://station.test${path}`, {
    method: options.method ?? "GET",
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
  });
}

export const params = <T extends Record<string, string>>(values: T) => ({ params: Promise.resolve(values) });

export interface TAnswer {
  status: number;
  text: string;
  headers: Headers;
  json: <T = TErrorBody>() => T;
}

export interface TErrorBody {
  error?: { code: string; message: string; field?: string; issues?: { field: string; message: string }[] };
}

/** Reads an answer once, checking what every administration answer must be: uncached, and free of secrets. */
export async function answer(response: Response): Promise<TAnswer> {
  const text = await response.text();
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(text).not.toMatch(/passwordHash|\$argon2/);
  return { status: response.status, text, headers: response.headers, json: <T>() => JSON.parse(text) as T };
}

/** The access.denied events written for this user, newest first. */
export async function deniedEventsOf(db: Db, userId: string) {
  return db.auditEvent.findMany({ where: { action: "access.denied", actorId: userId }, orderBy: { id: "desc" } });
}
