import type { TRole } from "@/lib/auth/roles";

export interface TDemoAccount {
  username: string;
  /** Public by design: shown on the sign-in page of a demo, and only there. */
  password: string;
  role: TRole;
  displayName: string;
}

/**
 * One account per role for the demo unit (two nurses, for the handover), seeded only in demo mode. Synthetic people.
 * The display account signs in with a password so that a demo can show the wall screen at once; a real display pairs
 * with a one-time code.
 */
export const DEMO_ACCOUNTS: readonly TDemoAccount[] = [
  { username: "nurse", password: "nurse-demo-2026", role: "nurse", displayName: "Demo Nurse" },
  { username: "physician", password: "physician-demo-2026", role: "physician", displayName: "Demo Physician" },
  {
    username: "perfusionist",
    password: "perfusionist-demo-2026",
    role: "perfusionist",
    displayName: "Demo Perfusionist",
  },
  { username: "admin", password: "admin-demo-2026", role: "admin", displayName: "Demo Administrator" },
  { username: "display", password: "display-demo-2026", role: "display", displayName: "Demo wall screen" },
  // A second nurse, so that a demo can show a handover: the incoming nurse must be another person than the outgoing.
  // Named so that "Demo Nurse" still finds the first one alone.
  { username: "nurse2", password: "nurse2-demo-2026", role: "nurse", displayName: "Demo Second Nurse" },
];
