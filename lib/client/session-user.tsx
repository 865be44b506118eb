"use client";

import { createContext, useContext, type ReactNode } from "react";
import { can, type TAction } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/principal";

const SessionUserContext = createContext<TSessionUser | null>(null);

/** Who is signed in, resolved by the server for the page (app/(signed-in)/layout.tsx) and handed to every screen. */
export function SessionUserProvider({ user, children }: { readonly user: TSessionUser; readonly children: ReactNode }) {
  return <SessionUserContext.Provider value={user}>{children}</SessionUserContext.Provider>;
}

export function useSessionUser(): TSessionUser {
  const user = useContext(SessionUserContext);
  if (!user) throw new Error("useSessionUser() outside a signed-in page");
  return user;
}

/**
 * Whether the signed-in role may do `action`: the screens hide what it cannot (the server refuses it anyway).
 * Reads the same matrix as the server (lib/auth/permissions.ts).
 */
export function useCan(action: TAction): boolean {
  return can(useSessionUser().role, action);
}
