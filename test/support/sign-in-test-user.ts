import type { TRole } from "@/lib/auth/roles";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { ZAuthEnv, toAuthConfig, type TAuthConfig } from "@/lib/db/auth/auth-config";
import { createSession } from "@/lib/db/auth/create-session";
import { hashPassword } from "@/lib/db/auth/password-hash";
import type { Db } from "@/lib/db/client";

export interface TTestUser {
  userId: string;
  username: string;
  password: string;
  role: TRole;
}

export interface TTestSession extends TTestUser {
  /** The Cookie header value a request or a socket sends: `station_session=<token>`. */
  cookie: string;
  token: string;
}

let n = 0;

/** A user of the given role, member of these units (which must exist), with a known password. */
export async function createTestUser(
  db: Db,
  {
    role,
    unitIds,
    username,
    password = "correct horse battery staple",
  }: { role: TRole; unitIds: readonly string[]; username?: string; password?: string },
): Promise<TTestUser> {
  n += 1;
  const name = username ?? `${role}-${process.pid}-${n}`;
  const userId = `test-user-${name}`;
  const now = new Date();
  await db.user.create({
    data: {
      id: userId,
      username: name,
      displayName: `Test ${role} ${n}`,
      role,
      passwordHash: await hashPassword(password),
      createdAt: now,
      updatedAt: now,
      units: { create: unitIds.map((unitId) => ({ unitId })) },
    },
  });
  return { userId, username: name, password, role };
}

/**
 * A signed-in user: created as above, with a session opened directly in the database (as a sign-in would), so that
 * integration tests can call the HTTP routes and open sockets as that user.
 */
export async function signInTestUser(
  db: Db,
  options: { role: TRole; unitIds: readonly string[]; username?: string; config?: TAuthConfig; now?: Date },
): Promise<TTestSession> {
  const user = await createTestUser(db, options);
  const token = await createSession({
    db,
    userId: user.userId,
    role: user.role,
    config: options.config ?? toAuthConfig(ZAuthEnv.parse({})),
    context: null,
    now: options.now ?? new Date(),
  });
  return { ...user, token, cookie: `${SESSION_COOKIE}=${token}` };
}
