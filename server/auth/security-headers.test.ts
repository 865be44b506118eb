import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZAuthEnv, toAuthConfig } from "@/lib/db/auth/auth-config";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { navigate } from "@/test/support/raw-request";
import { seedTestEpisode, type TestEpisode } from "@/test/support/seed-test-episode";
import { createTestUser, signInTestUser, type TTestSession } from "@/test/support/sign-in-test-user";
import { startTestStation, type TTestStation } from "@/test/support/start-test-station";

let t: TestDb;
let world: TestEpisode;
let nurse: TTestSession;
const stations: TTestStation[] = [];

beforeEach(async () => {
  t = await createTestDb();
  world = await seedTestEpisode(t.db);
  nurse = await signInTestUser(t.db, { role: "nurse", unitIds: [world.unitId] });
});
afterEach(async () => {
  for (const s of stations.splice(0)) await s.close();
  await t.cleanup();
});

async function start(env: Record<string, string> = {}, dev = false): Promise<TTestStation> {
  const station = await startTestStation({ db: t.db, auth: toAuthConfig(ZAuthEnv.parse(env)), dev });
  stations.push(station);
  return station;
}

/** The directives of a Content-Security-Policy, by name. */
function directives(csp: string | null | undefined): Map<string, string[]> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values]),
  );
}

describe("security headers", () => {
  it("are on a page and on an API answer, refused or not, with a fresh script nonce that Next receives too", async () => {
    const station = await start();
    const page = await navigate(`${station.base}/station/${world.unitId}`, nurse.cookie);
    const refused = await fetch(`${station.base}/api/units/${world.unitId}/station`);
    const api = await fetch(`${station.base}/api/units/${world.unitId}/station`, { headers: { cookie: nurse.cookie } });
    expect([page.status, refused.status, api.status]).toEqual([200, 401, 200]);

    const answers = [page.headers, Object.fromEntries(refused.headers), Object.fromEntries(api.headers)];
    for (const headers of answers) {
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["referrer-policy"]).toBe("same-origin");
      expect(headers["permissions-policy"]).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
      expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
      const csp = directives(headers["content-security-policy"] as string);
      expect(csp.get("default-src")).toEqual(["'self'"]);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("script-src")).toEqual([
        "'self'",
        expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}=='$/) as string,
      ]);
      // Plain http here: no HSTS, which would pin a browser to an https that does not exist.
      expect(headers["strict-transport-security"]).toBeUndefined();
    }
    const nonces = answers.map((h) => directives(h["content-security-policy"] as string).get("script-src")?.[1]);
    expect(new Set(nonces).size).toBe(3);
    // Next reads the policy from the request to put the same nonce on its own scripts.
    expect(station.nextHeaders[0]?.["content-security-policy"]).toBe(page.headers["content-security-policy"]);
  });

  it("never allow 'unsafe-eval' in production; development (React's dev build) gets it", async () => {
    const production = await start();
    const development = await start({}, true);
    const csp = async (station: TTestStation) =>
      (await fetch(`${station.base}/api/health`)).headers.get("content-security-policy") ?? "";
    expect(await csp(production)).not.toContain("unsafe-eval");
    expect(directives(await csp(development)).get("script-src")).toContain("'unsafe-eval'");
  });

  it("turn on HSTS and a Secure __Host- session cookie when the public origin is https, and only then", async () => {
    const user = await createTestUser(t.db, { role: "nurse", unitIds: [world.unitId] });
    const secure = await start({ PUBLIC_ORIGIN: "https://ecmo.hospital.example" });
    const plain = await start({ PUBLIC_ORIGIN: "http://ecmo.hospital.example" });
    const signIn = (station: TTestStation, origin: string) =>
      fetch(`${station.base}/api/auth/sign-in`, {
        method: "POST",
        body: JSON.stringify({ username: user.username, password: user.password }),
        headers: { "content-type": "application/json", origin },
      });

    const overTls = await signIn(secure, "https://ecmo.hospital.example");
    expect(overTls.status).toBe(200);
    expect(overTls.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const cookie = overTls.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-station_session=[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    // The prefixed cookie is the one the server then reads.
    expect(
      (await fetch(`${secure.base}/api/auth/session`, { headers: { cookie: cookie.split(";")[0] ?? "" } })).status,
    ).toBe(200);

    const overHttp = await signIn(plain, "http://ecmo.hospital.example");
    expect(overHttp.status).toBe(200);
    expect(overHttp.headers.get("strict-transport-security")).toBeNull();
    expect(overHttp.headers.get("set-cookie")).toMatch(/^station_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it("accept posts only from the public origin once it is set, not from the host the request names", async () => {
    const station = await start({ PUBLIC_ORIGIN: "https://ecmo.hospital.example" });
    const post = (origin: string) =>
      fetch(`${station.base}/api/auth/activity`, { method: "POST", headers: { cookie: nurse.cookie, origin } });
    expect((await post(station.base)).status).toBe(403);
    expect((await post("https://ecmo.hospital.example")).status).toBe(204);
  });
});
