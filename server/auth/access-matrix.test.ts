import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, type TAction } from "@/lib/auth/permissions";
import { ROLES, type TRole } from "@/lib/auth/roles";
import { provideDb } from "@/lib/db/get-db";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { APP_DIR, discoverAppRoutes, type TAppRoute } from "@/test/support/discover-app-routes";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { signInTestUser } from "@/test/support/sign-in-test-user";
import { discoverNodeRoutes } from "@/test/support/discover-node-routes";
import { startNodeRouteStation } from "@/test/support/start-node-route-station";

/**
 * The access matrix: every endpoint a screen can reach (each method of each route handler under app/, each page, each
 * socket command) has one row here naming the action of lib/auth/permissions.ts it requires. The endpoints are found
 * on disk and in the socket handlers' sources, so a new route, page or socket event cannot ship without its row; and
 * each route handler is called for every role, expecting 403 exactly for the roles PERMISSIONS refuses. Rows:
 * an action, several (any of them), "signed-in" (any session) or "public".
 */
type TRow = TAction | readonly TAction[] | "signed-in" | "public";
const MATRIX: Record<string, TRow> = {
  "PAGE (signed-in)/admin/audit/page.tsx": "audit.view",
  "PAGE (signed-in)/admin/displays/page.tsx": "display.manage",
  "PAGE (signed-in)/admin/page.tsx": "signed-in",
  "PAGE (signed-in)/admin/shifts/page.tsx": "shift.configure",
  "PAGE (signed-in)/admin/users/page.tsx": "user.manage",
  "PAGE (signed-in)/beds/[bedId]/handover/history/page.tsx": "handover.view",
  "PAGE (signed-in)/beds/[bedId]/handover/page.tsx": "handover.view",
  "PAGE (signed-in)/beds/[bedId]/page.tsx": "bed.view",
  "PAGE (signed-in)/beds/[bedId]/round/page.tsx": "bed.view",
  "PAGE (signed-in)/beds/[bedId]/rounds/page.tsx": "bed.view",
  "PAGE (signed-in)/import/page.tsx": "import.view",
  "PAGE (signed-in)/page.tsx": "signed-in",
  "PAGE (signed-in)/round-templates/page.tsx": "checklist.publish",
  "PAGE (signed-in)/rounds/[unitId]/page.tsx": "bed.view",
  "PAGE (signed-in)/station/[unitId]/limits/page.tsx": "station.view",
  "PAGE (signed-in)/station/[unitId]/page.tsx": "station.view",
  "PAGE (signed-in)/stays/[stayId]/page.tsx": "stay.view",
  "PAGE (signed-in)/units/[unitId]/archive/page.tsx": "stay.view",
  "PAGE (signed-in)/units/[unitId]/handover/page.tsx": "handover.view",
  "PAGE (signed-in)/units/[unitId]/handover/print/page.tsx": "handover.view",
  "PAGE pair/page.tsx": "public",
  "PAGE sign-in/page.tsx": "public",
  "GET api/admin/audit/export/route.ts": "audit.view",
  "GET api/admin/audit/route.ts": "audit.view",
  "POST api/admin/displays/[displayId]/pairing/route.ts": "display.manage",
  "POST api/admin/displays/[displayId]/revoke/route.ts": "display.manage",
  "GET api/admin/displays/route.ts": "display.manage",
  "POST api/admin/displays/route.ts": "display.manage",
  "POST api/admin/users/[userId]/password/route.ts": "user.manage",
  "PATCH api/admin/users/[userId]/route.ts": "user.manage",
  "GET api/admin/users/route.ts": "user.manage",
  "POST api/admin/users/route.ts": "user.manage",
  "GET api/beds/[bedId]/alarms/route.ts": "station.view",
  "POST api/beds/[bedId]/four-ts/route.ts": "score.record",
  "PATCH api/beds/[bedId]/handover/actions/[actionId]/route.ts": "handover.edit",
  "POST api/beds/[bedId]/handover/actions/route.ts": "handover.edit",
  "POST api/beds/[bedId]/handover/amend/route.ts": "handover.edit",
  "PUT api/beds/[bedId]/handover/draft/route.ts": "handover.edit",
  "GET api/beds/[bedId]/handover/history/route.ts": "handover.view",
  "POST api/beds/[bedId]/handover/receive/route.ts": "handover.sign",
  "GET api/beds/[bedId]/handover/route.ts": "handover.view",
  "POST api/beds/[bedId]/handover/sign-out/route.ts": "handover.sign",
  // Marks an unreadable lab result dealt with and ends its technical alarm: the roles that acknowledge alarms.
  "POST api/beds/[bedId]/lab-refusals/[refusalId]/resolve/route.ts": "alarm.acknowledge",
  "POST api/beds/[bedId]/protocols/[timerId]/cancel/route.ts": "protocol.run",
  "POST api/beds/[bedId]/protocols/[timerId]/steps/route.ts": "protocol.run",
  "GET api/beds/[bedId]/protocols/route.ts": "bed.view",
  "POST api/beds/[bedId]/protocols/route.ts": "protocol.run",
  "GET api/beds/[bedId]/round/route.ts": "bed.view",
  "GET api/beds/[bedId]/rounds/route.ts": "bed.view",
  "GET api/beds/[bedId]/route.ts": "bed.view",
  "POST api/beds/[bedId]/save-score/route.ts": "score.record",
  "GET api/beds/[bedId]/series/route.ts": "bed.view",
  "POST api/beds/[bedId]/stay/discharge/route.ts": "stay.manage",
  "POST api/beds/[bedId]/stay/move/route.ts": "stay.manage",
  "GET api/beds/[bedId]/stay/route.ts": "bed.view",
  "POST api/beds/[bedId]/stay/route.ts": "stay.manage",
  "POST api/beds/[bedId]/support/end/route.ts": "episode.manage",
  "POST api/beds/[bedId]/support/route.ts": "episode.manage",
  "POST api/beds/[bedId]/support/settings/route.ts": "episode.settings",
  "GET api/beds/[bedId]/trend-events/route.ts": "bed.view",
  "GET api/beds/[bedId]/trends/route.ts": "bed.view",
  "GET api/health/route.ts": "public",
  "GET api/round-templates/route.ts": "bed.view",
  "POST api/round-templates/route.ts": "checklist.publish",
  "POST api/rounds/[roundId]/amendments/route.ts": "checklist.sign",
  "POST api/rounds/route.ts": "checklist.sign",
  "GET api/units/[unitId]/alarm-limits/route.ts": "station.view",
  "POST api/units/[unitId]/alarm-limits/route.ts": "threshold.change",
  "GET api/units/[unitId]/alarms/burden/route.ts": "station.view",
  "GET api/units/[unitId]/alarms/route.ts": "station.view",
  "GET api/units/[unitId]/handover/route.ts": "handover.view",
  // A wall display reads the running plans too, without the notes and cancellation reasons (isKioskRole).
  "GET api/units/[unitId]/points-of-care/route.ts": "unit.configure",
  "GET api/units/[unitId]/protocols/route.ts": "station.view",
  "GET api/units/[unitId]/rounds/route.ts": "station.view",
  "GET api/units/[unitId]/shift-pattern/route.ts": ["handover.view", "shift.configure"],
  "PUT api/units/[unitId]/points-of-care/route.ts": "unit.configure",
  "PUT api/units/[unitId]/shift-pattern/route.ts": "shift.configure",
  "GET api/units/[unitId]/station/route.ts": "station.view",
  "GET api/units/[unitId]/stays/route.ts": "stay.view",
  "SOCKET unit:subscribe": "station.view",
  "SOCKET bed:subscribe": "bed.view",
  "SOCKET alarm:subscribe": "station.view",
  "SOCKET alarm:acknowledge": "alarm.acknowledge",
  "SOCKET alarm:pause-audio": "alarm.pause-audio",
  "SOCKET handover:subscribe": "handover.view",
  // Leaves a room the socket is in; joins nothing, reads nothing.
  "SOCKET room:leave": "signed-in",
  // The Node process's own routes (server/node-route-table.ts), read from the tables their modules serve from.
  "NODE GET /api/ready": "public",
  "NODE HEAD /api/ready": "public",
  "NODE POST /api/auth/sign-in": "public",
  "NODE POST /api/auth/pair": "public",
  "NODE POST /api/auth/sign-out": "signed-in",
  "NODE POST /api/auth/sign-out-everywhere": "signed-in",
  "NODE POST /api/auth/activity": "signed-in",
  "NODE GET /api/auth/session": "signed-in",
  "NODE GET /api/imports": "import.view",
  "NODE POST /api/imports": "import.run",
  "NODE GET /api/imports/:jobId": "import.view",
  "NODE GET /api/imports/:jobId/rejections.csv": "import.view",
  "NODE POST /api/fhir/Observation": "import.run",
  "NODE POST /api/fhir": "import.run",
  "NODE POST /api/simulator/beds/:bedId/feed": "simulator.control",
};

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type THandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;
const REALTIME_DIR = path.resolve(import.meta.dirname, "../realtime");

let t: TestDb;
let world: TestEpisode;
let routes: TAppRoute[];
const cookies = new Map<TRole, string>();

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db);
  provideDb(t.db);
  routes = discoverAppRoutes({ bedId: world.bedId, unitId: world.unitId });
  for (const role of ROLES)
    cookies.set(
      role,
      (await signInTestUser(t.db, { role, unitIds: [world.unitId], username: `matrix-${role}` })).cookie,
    );
});
afterAll(async () => {
  await t.cleanup();
});

async function handlersOf(route: TAppRoute): Promise<[string, THandler][]> {
  const module = (await import(path.join(APP_DIR, route.file))) as Record<string, unknown>;
  return METHODS.flatMap((m) =>
    typeof module[m] === "function" ? [[m, module[m] as THandler] as [string, THandler]] : [],
  );
}

/** The socket events the server handles, read from its handlers' sources. */
function socketEvents(): string[] {
  return readdirSync(REALTIME_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .flatMap((f) => [...readFileSync(path.join(REALTIME_DIR, f), "utf8").matchAll(/socket\.on\("([a-z-]+:[a-z-]+)"/g)])
    .map((m) => m[1] ?? "");
}

function allowed(row: TRow, role: TRole): boolean {
  if (row === "public" || row === "signed-in") return true;
  const actions: readonly TAction[] = typeof row === "string" ? [row] : row;
  return actions.some((a) => (PERMISSIONS[a] as readonly TRole[]).includes(role));
}

describe("the access matrix", () => {
  it("has exactly one row for every page, route handler method and socket event, and no row for anything else", async () => {
    const found: string[] = [];
    for (const route of routes) {
      if (route.kind === "page") found.push(`PAGE ${route.file}`);
      else for (const [method] of await handlersOf(route)) found.push(`${method} ${route.file}`);
    }
    for (const event of socketEvents()) found.push(`SOCKET ${event}`);
    const node = await discoverNodeRoutes();
    // A module that answers requests without a table would serve routes no row covers.
    expect(node.withoutTable).toEqual([]);
    for (const { routes: table } of node.tables)
      for (const spec of table) {
        found.push(`NODE ${spec.method} ${spec.path}`);
        // The table's access is the one its module enforces: the row must say the same.
        expect(MATRIX[`NODE ${spec.method} ${spec.path}`], `${spec.method} ${spec.path}`).toEqual(spec.access);
      }
    expect(found.length).toBeGreaterThan(60);
    expect([...new Set(found)].sort()).toEqual(Object.keys(MATRIX).sort());
    // A page checks the same action as its row (pages render in Next, so their check is read from the source).
    for (const route of routes.filter((r) => r.kind === "page")) {
      const row = MATRIX[`PAGE ${route.file}`];
      if (typeof row === "string" && row !== "public" && row !== "signed-in")
        expect(readFileSync(path.join(APP_DIR, route.file), "utf8"), route.file).toContain(`"${row}"`);
    }
  });

  it("answers 403 to every route handler exactly for the roles permissions.ts refuses", async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const route of routes.filter((r) => r.kind === "route")) {
      for (const [method, handler] of await handlersOf(route)) {
        const row = MATRIX[`${method} ${route.file}`];
        if (row === undefined || row === "public") continue;
        for (const role of ROLES) {
          const response = await handler(
            new Request(`http://station.test${route.url}`, {
              method,
              headers: { cookie: cookies.get(role) ?? "", "content-type": "application/json" },
              body: method === "GET" || method === "HEAD" ? undefined : "{}",
            }),
            { params: Promise.resolve(route.params) },
          );
          calls++;
          await response.text();
          const expected = allowed(row, role) ? "not 401/403" : "403";
          const got = response.status;
          // A route whose record does not exist (a probe id: no round is seeded) may answer 404 to everyone before it
          // can tell which unit to check the role on: a refusal that reveals nothing either.
          const probe = Object.values(route.params).some((v) => String(v).startsWith("probe-"));
          const refused = got === 403 || (probe && got === 404);
          if (expected === "403" ? !refused : got === 401 || got === 403)
            wrong.push(`${role} ${method} ${route.url}: ${got}, expected ${expected}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The matrix's size, for the report: rows × roles called.
    console.info(
      `access matrix: ${Object.keys(MATRIX).length} rows, ${calls} handler calls over ${ROLES.length} roles`,
    );
  }, 120_000);

  it("answers the Node process's routes 403 exactly for the roles permissions.ts refuses, 401 without a session", async () => {
    const station = await startNodeRouteStation({ db: t.db, bedId: world.bedId });
    const wrong: string[] = [];
    let calls = 0;
    try {
      for (const { routes: table } of (await discoverNodeRoutes()).tables)
        for (const spec of table) {
          const row = MATRIX[`NODE ${spec.method} ${spec.path}`] ?? "public";
          const url = spec.path.replace(":bedId", world.bedId).replace(":jobId", randomUUID());
          const call = async (cookie: string | undefined) => {
            calls++;
            const response = await fetch(`${station.base}${url}`, {
              method: spec.method,
              headers: { ...(cookie ? { cookie } : {}), "content-type": "application/json" },
              body: spec.method === "GET" || spec.method === "HEAD" ? undefined : "{}",
            });
            await response.arrayBuffer();
            return response.status;
          };
          const anonymous = await call(undefined);
          if (row === "public" ? anonymous === 401 || anonymous === 403 : anonymous !== 401)
            wrong.push(`no session ${spec.method} ${url}: ${anonymous}`);
          if (row === "public") continue;
          for (const role of ROLES) {
            // A session of its own for each call: a sign-out row ends the one it is sent with.
            const { cookie } = await signInTestUser(t.db, { role, unitIds: [world.unitId] });
            const got = await call(cookie);
            const refuse = !allowed(row, role);
            if (refuse ? got !== 403 : got === 401 || got === 403)
              wrong.push(`${role} ${spec.method} ${url}: ${got}, expected ${refuse ? "403" : "not 401/403"}`);
          }
        }
    } finally {
      await station.close();
    }
    expect(wrong).toEqual([]);
    console.info(`access matrix, Node routes: ${calls} calls`);
  }, 120_000);
});
