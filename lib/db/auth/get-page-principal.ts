import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { TPrincipal } from "@/lib/auth/principal";
import { SESSION_COOKIE, SECURE_SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { getDb } from "../get-db";
import { getAuthConfig } from "./auth-config";
import { requestContextOf } from "./request-context";
import { validateSession } from "./validate-session";

/**
 * Who is viewing a page, for server components (Next only: it reads next/headers). The Node server's gate already
 * sent visitors without a session to the sign-in page with the page they asked for; this is the page's own check.
 */
export async function getPagePrincipal(): Promise<TPrincipal> {
  const check = await checkPageSession();
  if (check.status !== "valid") redirect(check.status === "expired" ? "/sign-in?reason=expired" : "/sign-in");
  return check.principal;
}

/** The sign-in and pairing pages: is this browser already signed in? (They then move on rather than ask again.) */
export async function findPagePrincipal(): Promise<TPrincipal | null> {
  const check = await checkPageSession();
  return check.status === "valid" ? check.principal : null;
}

/**
 * Once per request (React's cache lives as long as one server render): the signed-in layout and its page both ask,
 * and each check is a session read through Prisma (~6 ms of the bed page's answer).
 */
const checkPageSession = cache(async () => {
  const jar = await cookies();
  const token = jar.get(SECURE_SESSION_COOKIE)?.value ?? jar.get(SESSION_COOKIE)?.value;
  return validateSession({
    db: await getDb(),
    token,
    config: getAuthConfig(),
    now: new Date(),
    context: requestContextOf({ headers: await headers() }),
  });
});
