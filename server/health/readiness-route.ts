import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "@/lib/http/node-http";
import { defineNodeRoutes, matchNodeRoute } from "../node-route-table";
import type { Logger } from "@/lib/log/logger";

/** A check answers null when well, else a short reason (no data, no path: the route is public). */
export type TReadinessCheck = () => Promise<string | null> | string | null;

/** A check that has not answered by then counts as failed: a load balancer's probe must not hang. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * GET /api/ready, for a load balancer deciding whether to send this node traffic (docs/deployment.md): 200 when
 * every check passes, else 503 naming those that failed. Public like /api/health (the gate's PUBLIC_PATHS), which
 * says only that the process and its database answer; readiness also asks what a screen needs of this node: the
 * migrations applied, its change feed reading, Redis connected when the station runs on several nodes. A Node route,
 * because the feed and the Redis link are the process's objects.
 */
export const READINESS_ROUTES = defineNodeRoutes([
  { method: "GET", path: "/api/ready", access: "public" },
  { method: "HEAD", path: "/api/ready", access: "public" },
]);

export function readinessRoute({ checks, log }: { checks: Record<string, TReadinessCheck>; log: Logger }) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (!matchNodeRoute(READINESS_ROUTES, req.method ?? "GET", path)) return false;
    void Promise.all(
      Object.entries(checks).map(async ([name, check]): Promise<[string, string]> => [
        name,
        (await withTimeout(check, log, name)) ?? "ok",
      ]),
    ).then((results) => {
      const failed = results.filter(([, result]) => result !== "ok");
      sendJson(res, failed.length === 0 ? 200 : 503, {
        status: failed.length === 0 ? "ready" : "not-ready",
        checks: Object.fromEntries(results),
      });
    });
    return true;
  };
}

async function withTimeout(check: TReadinessCheck, log: Logger, name: string): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(check),
      new Promise<string>((resolve) => (timer = setTimeout(() => resolve("no answer within 2 s"), CHECK_TIMEOUT_MS))),
    ]);
  } catch (error) {
    log.warn(`readiness: ${name} failed`, error);
    return "failed";
  } finally {
    clearTimeout(timer);
  }
}
