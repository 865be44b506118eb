import { expect, type APIRequestContext } from "@playwright/test";
import type { TRole } from "@/lib/auth/roles";
import { DEMO_ACCOUNTS, type TDemoAccount } from "@/lib/db/demo/demo-accounts";

/** The demo accounts the e2e server seeds (DEMO=true), one per role. */
export function demoAccount(role: TRole): TDemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for role ${role}`);
  return account;
}

/**
 * Signs a request context in as a demo role on a server (a browser context's `request` shares its cookie jar with
 * its pages, so they are signed in too). Through the same endpoint as the sign-in form.
 */
export async function signInAs(request: APIRequestContext, baseURL: string, role: TRole): Promise<void> {
  const { username, password } = demoAccount(role);
  const response = await request.post(new URL("/api/auth/sign-in", baseURL).toString(), {
    data: { username, password },
  });
  expect(response.status(), `sign-in as ${role} on ${baseURL}`).toBe(200);
}
