import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Simulator } from "../simulator/start-simulator";

const FEED_PATH = /^\/api\/simulator\/beds\/([A-Za-z0-9_-]{1,64})\/feed$/;
const ZFeedBody = z.object({ running: z.boolean() });
const MAX_BODY = 1_024;

/**
 * The simulator's controls, answered by the Node process because the simulator lives here, not in Next
 * (shared/notes/stack.md). Only mounted in demo mode: cutting a bed's feed is how a trainer (or an end-to-end test)
 * shows what a stale tile looks like.
 */
export function simulatorRoutes(simulator: Simulator) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const match = FEED_PATH.exec(req.url ?? "");
    if (!match) return false;
    const bedId = match[1] ?? "";
    const reply = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method !== "POST") {
      reply(405, { error: { code: "METHOD_NOT_ALLOWED", message: "use POST" } });
      return true;
    }
    let body = "";
    let tooLarge = false;
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      if (tooLarge) return;
      body += chunk;
      // Say why rather than drop the connection; what follows is read and discarded, never parsed.
      if (body.length > MAX_BODY) {
        tooLarge = true;
        body = "";
        reply(413, { error: { code: "INVALID_INPUT", message: `body: larger than ${MAX_BODY} bytes; send {"running": true|false}` } });
      }
    });
    req.on("end", () => {
      if (tooLarge) return;
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return reply(400, { error: { code: "INVALID_INPUT", message: "body: not JSON; send {\"running\": true|false}" } });
      }
      const parsed = ZFeedBody.safeParse(json);
      if (!parsed.success) return reply(400, { error: { code: "INVALID_INPUT", message: `body.running: ${parsed.error.issues[0]?.message ?? "invalid"}` } });
      if (!simulator.bedIds().includes(bedId)) return reply(404, { error: { code: "NOT_FOUND", message: `bed "${bedId}" is not simulated` } });
      simulator.setBedFeed(bedId, parsed.data.running);
      reply(200, { bedId, running: parsed.data.running });
    });
    return true;
  };
}
