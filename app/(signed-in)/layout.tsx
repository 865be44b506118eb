import type { ReactNode } from "react";
import { SessionWatcher } from "@/components/auth/SessionWatcher";
import { toSessionUser } from "@/lib/auth/principal";
import { SessionUserProvider } from "@/lib/client/session-user";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";

// Every page here is read for one person at request time: nothing is prerendered or shared between users.
export const dynamic = "force-dynamic";

/**
 * The pages that need a session (all but sign-in and pairing). The server resolves who is signed in once for the
 * page; the screens read it (names, role, what to hide) and the session watcher follows it.
 */
export default async function SignedInLayout({ children }: { readonly children: ReactNode }) {
  const principal = await getPagePrincipal();
  return (
    <SessionUserProvider user={toSessionUser(principal)}>
      <SessionWatcher />
      {children}
    </SessionUserProvider>
  );
}
