import { spawn } from "node:child_process";

export interface TRouteCall {
  /** The database the other process opens. */
  databaseUrl: string;
  /** The handler's file under app/: "api/beds/[bedId]/handover/draft/route.ts". */
  file: string;
  method: string;
  url: string;
  cookie: string;
  body?: unknown;
  params: Record<string, string>;
}

/**
 * Calls a route handler in a process of its own (test/support/run-route-handler.ts), with its own connection: nothing
 * of the test's process (its server, its globalThis) is in its reach. Answers its status and body.
 */
export function callRouteElsewhere(call: TRouteCall): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/run-route-handler.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: call.databaseUrl,
        ROUTE_FILE: call.file,
        METHOD: call.method,
        URL: call.url,
        COOKIE: call.cookie,
        BODY: call.body === undefined ? "" : JSON.stringify(call.body),
        PARAMS: JSON.stringify(call.params),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`the route handler's process exited with ${code}`));
      resolve(JSON.parse(out) as { status: number; body: string });
    });
  });
}
