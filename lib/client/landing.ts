import { safeNextPath } from "@/lib/auth/safe-next-path";

/**
 * A tablet: a touch screen no wider than a large tablet in landscape, or any narrow window. A nurse signs in on one at
 * the bedside to do rounds, not to watch the wall.
 */
const TABLET_QUERY = "(pointer: coarse) and (max-width: 1366px), (max-width: 1024px)";

/** The home page's query that asks for the rounds list rather than the unit's station (app/(signed-in)/page.tsx). */
export const ROUNDS_LANDING = "/?landing=rounds";

/**
 * Where the sign-in form sends a person: where they were going, if anywhere; else, on a tablet, the rounds list (the
 * home page opens it for whoever signs rounds, the station for everyone else); else the home page.
 */
export function landingPath(next: string | null, isTablet: boolean): string {
  const path = safeNextPath(next);
  if (path !== "/") return path;
  return isTablet ? ROUNDS_LANDING : "/";
}

export function isTabletViewport(): boolean {
  return typeof window !== "undefined" && window.matchMedia(TABLET_QUERY).matches;
}
