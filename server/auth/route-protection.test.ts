import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provideDb } from "@/lib/db/get-db";
import { createDisplay } from "@/lib/db/displays/create-display";
import { SESSION_ENDED } from "@/lib/db/auth/require-principal";
import { importRoutes } from "../imports/import-routes";
import { simulatorRoutes } from "../simulator/simulator-routes";
import { silentLogger } from "@/lib/log/logger";
import type { Simulator } from "../simulator/start-simulator";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { navigate } from "@/test/support/raw-request";
import { APP_DIR, discoverAppRoutes, type TAppRoute } from "@/test/support/discover-app-routes";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { createTestUser, type TTestUser } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

/** The only URLs open without a session. Adding one here is a decision, and the gate must agree (PUBLIC_PATHS). */
const PUBLIC = new Set(["/sign-in", "/pair", "/api/health"]);
const HANDLER_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type THandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

let t: TestDb;
let world: TestEpisode;
let nurse: TTestUser;
let displayId: string;
let station: TTestStation;
let routes: TAppRoute[];
const feeds = new Map<string, boolean>();
let auditedBefore: number;

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db);
  nurse = await createTestUser(t.db, { role: "nurse", unitIds: [world.unitId] });
  const issued = await createDisplay({
    db: t.db,
    input: { displayName: "Wall", unitId: world.unitId },
    actor: { userId: null, username: "test", role: null },
    context: null,
  });
  displayId = issued.display.id;
  provideDb(t.db);
  // Real ids in the URLs: a handler that forgot its check would act on a real bed, user or display, and show it.
  routes = discoverAppRoutes({ bedId: world.bedId, unitId: world.unitId, userId: nurse.userId, displayId });
  const simulator = {
    bedIds: () => [world.bedId],
    setBedFeed: (bedId: string, running: boolean) => feeds.set(bedId, running),
  } as unknown as Simulator;
  station = await startTestStation({ db: t.db });
  station.server.mount(
    importRoutes({
      db: t.db,
      sink: station.server.writer,
      timeZone: "Europe/Paris",
      localCodes: [],
      log: silentLogger,
    }),
  );
  station.server.mount(simulatorRoutes({ simulator, db: t.db, log: silentLogger }));
  auditedBefore = await t.db.auditEvent.count();
});
afterAll(async () => {
  await station.close();
  await t.cleanup();
});

async function handlersOf(route: TAppRoute): Promise<[method: string, handler: THandler][]> {
  const module = (await import(path.join(APP_DIR, route.file))) as Record<string, unknown>;
  return HANDLER_METHODS.flatMap((m) =>
    typeof module[m] === "function" ? [[m, module[m] as THandler] as [string, THandler]] : [],
  );
}

const withBody = (method: string) => method !== "GET" && method !== "HEAD";

/** Nothing that a request without a session could have changed, changed. */
async function expectNothingDone(): Promise<void> {
  expect(station.reachedNext.filter((r) => !PUBLIC.has(new URL(r.split(" ")[1] ?? "/", "http://x").pathname))).toEqual(
    [],
  );
  expect(feeds.size).toBe(0);
  expect(await t.db.importJob.count()).toBe(0);
  expect(await t.db.observation.count()).toBe(0);
  expect(await t.db.user.findUniqueOrThrow({ where: { id: displayId } })).toMatchObject({ active: true });
  expect(await t.db.supportEpisode.findUniqueOrThrow({ where: { id: world.episodeId } })).toMatchObject({
    saveScoreInputs: null,
  });
  expect(await t.db.auditEvent.count()).toBe(auditedBefore);
}

describe("the gate: every route requires a session", () => {
  it("finds the app's pages and route handlers on disk, each handler exporting at least one method", async () => {
    const urls = routes.map((r) => r.url);
    // If discovery broke and found nothing, the tests below would pass vacuously.
    expect(urls).toEqual(
      expect.arrayContaining([
        "/",
        `/station/${world.unitId}`,
        `/beds/${world.bedId}`,
        `/api/beds/${world.bedId}/series`,
        `/api/units/${world.unitId}/station`,
        "/sign-in",
        "/pair",
        "/api/health",
      ]),
    );
    for (const route of routes.filter((r) => r.kind === "route"))
      expect(await handlersOf(route), route.file).not.toEqual([]);
  });

  it("sends every page asked for without a session to the sign-in page, with where it was going, and never reaches Next", async () => {
    const pages = routes.filter((r) => r.kind === "page" && !PUBLIC.has(r.url));
    expect(pages.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const page of pages) {
      const { status, headers, body } = await navigate(`${station.base}${page.url}`);
      if (
        status !== 303 ||
        headers.location !== `/sign-in?${new URLSearchParams({ next: page.url }).toString()}` ||
        body !== ""
      ) {
        wrong.push(`${page.file}: ${status} ${headers.location ?? ""} ${body.slice(0, 80)}`);
      }
      // Next's client-side navigation (an RSC fetch) cannot follow a redirect to a page: it gets 401 and no data.
      const rsc = await fetch(`${station.base}${page.url}`, {
        redirect: "manual",
        headers: { accept: "text/x-component", rsc: "1" },
      });
      if (rsc.status !== 401) wrong.push(`${page.file} (RSC): ${rsc.status}`);
      await rsc.text();
    }
    expect(wrong).toEqual([]);
    await expectNothingDone();
  });

  it("never names another host as where a request without a session was going", async () => {
    // Each parses to a path that a browser would follow to evil.example ("//evil.example" after dot-segments and
    // backslashes are read as URL parsers read them).
    for (const sent of [
      "/.//evil.example",
      "/./\\evil.example",
      "/\\evil.example/station",
      "/.//evil.example/%0d%0a",
    ]) {
      const { status, headers } = await navigate(`${station.base}${sent}`);
      expect(status, sent).toBe(303);
      const next = new URLSearchParams((headers.location ?? "").split("?")[1]).get("next") ?? "";
      expect(new URL(next, "https://icu.example").origin, `${sent} → ${next}`).toBe("https://icu.example");
      expect(next.startsWith("//"), next).toBe(false);
    }
    await expectNothingDone();
  });

  it("answers 401 and nothing else to every method of every route handler without a session", async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.kind === "route" && !PUBLIC.has(r.url))) {
      for (const [method] of await handlersOf(route)) {
        const response = await fetch(`${station.base}${route.url}`, {
          method,
          redirect: "manual",
          headers: { "content-type": "application/json" },
          body: withBody(method) ? "{}" : undefined,
        });
        const text = await response.text();
        const expected =
          method === "HEAD"
            ? ""
            : JSON.stringify({ error: { code: "UNAUTHENTICATED", message: SESSION_ENDED, reason: "none" } });
        if (response.status !== 401 || text !== expected)
          wrong.push(`${method} ${route.url}: ${response.status} ${text.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    await expectNothingDone();
  });

  it("answers 401 on the Node process's own routes (imports, FHIR, simulator, session) without a session, running nothing", async () => {
    const job = randomUUID();
    const nodeRoutes: [string, string, string?][] = [
      ["GET", "/api/imports"],
      [
        "POST",
        "/api/imports?fileName=readings.csv",
        `patient_id,parameter,value,unit,observed_at\nTEST-1,ecmo_flow,3.5,L/min,${new Date().toISOString()}\n`,
      ],
      ["GET", `/api/imports/${job}`],
      ["GET", `/api/imports/${job}/rejections.csv`],
      ["POST", "/api/fhir", JSON.stringify({ resourceType: "Bundle", type: "batch", entry: [] })],
      ["POST", "/api/fhir/Observation", JSON.stringify({ resourceType: "Observation" })],
      ["POST", `/api/simulator/beds/${world.bedId}/feed`, JSON.stringify({ running: false })],
      ["GET", "/api/auth/session"],
      ["POST", "/api/auth/sign-out", "{}"],
      ["POST", "/api/auth/sign-out-everywhere", "{}"],
      ["POST", "/api/auth/activity", "{}"],
      // Not a route at all: the gate still answers before anything could tell it does not exist.
      ["GET", "/api/no-such-route"],
    ];
    const wrong: string[] = [];
    for (const [method, url, body] of nodeRoutes) {
      const response = await fetch(`${station.base}${url}`, {
        method,
        body,
        headers: { "content-type": "application/json" },
      });
      const json = (await response.json()) as { error?: { code?: string } };
      if (response.status !== 401 || json.error?.code !== "UNAUTHENTICATED" || Object.keys(json).length !== 1)
        wrong.push(`${method} ${url}: ${response.status}`);
    }
    expect(wrong).toEqual([]);
    await expectNothingDone();
  });

  it("treats a forged session cookie as none, and clears it", async () => {
    const response = await fetch(`${station.base}/api/units/${world.unitId}/station`, {
      headers: { cookie: "station_session=forged-token" },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("set-cookie")).toMatch(
      /^station_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax$/,
    );
  });

  it("opens only the sign-in page, the pairing page and the health check", async () => {
    for (const url of PUBLIC) {
      const response = await fetch(`${station.base}${url}`, { redirect: "manual", headers: { accept: "text/html" } });
      expect(response.status, url).toBe(200);
      expect(await response.text()).toBe("next");
    }
    expect(station.reachedNext).toEqual([...PUBLIC].map((url) => `GET ${url}`));
  });
});

describe("route handlers: each checks the session itself", () => {
  it("answers 401 to every exported method called directly without a cookie (the gate aside)", async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.kind === "route" && !PUBLIC.has(r.url))) {
      for (const [method, handler] of await handlersOf(route)) {
        const request = new Request(`http://station.test${route.url}`, {
          method,
          headers: { "content-type": "application/json" },
          body: withBody(method) ? "{}" : undefined,
        });
        const response = await handler(request, { params: Promise.resolve(route.params) });
        const json = method === "HEAD" ? undefined : ((await response.json()) as { error?: { code?: string } });
        if (response.status !== 401 || (json && json.error?.code !== "UNAUTHENTICATED"))
          wrong.push(`${method} ${route.file}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
    await expectNothingDone();
  });

  it("lets the health check answer without a session, saying nothing but that it is up", async () => {
    const health = routes.find((r) => r.url === "/api/health");
    expect(health).toBeDefined();
    const [[, get] = []] = await handlersOf(health as TAppRoute);
    const response = await (get as THandler)(new Request("http://station.test/api/health"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(Object.keys((await response.json()) as object).sort()).toEqual(["at", "status"]);
  });
});
