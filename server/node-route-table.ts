import type { TAction } from "@/lib/auth/permissions";

/** Who may call a route of the Node process: an action of lib/auth/permissions.ts, any session, or anyone. */
export type TNodeRouteAccess = TAction | "signed-in" | "public";

export interface TNodeRouteSpec {
  readonly method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** "/api/imports/:jobId": a segment that begins with ":" stands for any one segment. */
  readonly path: string;
  readonly access: TNodeRouteAccess;
}

/**
 * A Node route module's table of what it serves. The module answers only what its table lists (matchNodeRoute), and
 * server/auth/access-matrix.test.ts reads every table: a route of the Node process cannot be served without a row
 * there, as a Next route handler cannot.
 */
export function defineNodeRoutes<const T extends readonly TNodeRouteSpec[]>(routes: T): T {
  return routes;
}

/** The row of the table this request is for, with its path's parameters; undefined when the table has none. */
export function matchNodeRoute(
  routes: readonly TNodeRouteSpec[],
  method: string,
  pathname: string,
): { spec: TNodeRouteSpec; params: Record<string, string> } | undefined {
  const parts = pathname.split("/");
  for (const spec of routes) {
    if (spec.method !== method) continue;
    const pattern = spec.path.split("/");
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, i) => {
      const part = parts[i] ?? "";
      if (!segment.startsWith(":")) return segment === part;
      params[segment.slice(1)] = part;
      return part !== "";
    });
    if (matches) return { spec, params };
  }
  return undefined;
}
