import type { TPrincipal } from "@/lib/auth/principal";
import type { TRole } from "@/lib/auth/roles";

/** A signed-in person as the handover operations record them: a signature always names an account. */
export interface THandoverActor {
  userId: string;
  username: string;
  role: TRole;
}

export function handoverActorOf(principal: Pick<TPrincipal, "userId" | "username" | "role">): THandoverActor {
  return { userId: principal.userId, username: principal.username, role: principal.role };
}
