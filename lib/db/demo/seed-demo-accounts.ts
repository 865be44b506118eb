import type { Db } from "../client";
import { hashPassword } from "../auth/password-hash";
import { DEMO_ACCOUNTS } from "./demo-accounts";

/**
 * Seeds the demo accounts, members of the demo unit. Idempotent: an account that exists is left as it is (a demo
 * admin may have changed it). Called only when DEMO is on.
 */
export async function seedDemoAccounts({
  db,
  unitId,
  now,
}: {
  db: Db;
  unitId: string;
  now: Date;
}): Promise<{ created: string[] }> {
  const existing = new Set(
    (
      await db.user.findMany({
        where: { username: { in: DEMO_ACCOUNTS.map((a) => a.username) } },
        select: { username: true },
      })
    ).map((u) => u.username),
  );
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.username));
  const rows = await Promise.all(missing.map(async (a) => ({ ...a, passwordHash: await hashPassword(a.password) })));
  await db.$transaction(async (tx) => {
    for (const a of rows) {
      await tx.user.create({
        data: {
          id: `demo-${a.username}`,
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          passwordHash: a.passwordHash,
          createdAt: now,
          updatedAt: now,
          units: { create: [{ unitId }] },
        },
      });
    }
  });
  return { created: rows.map((a) => a.username) };
}
