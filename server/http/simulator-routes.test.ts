import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Simulator } from "../simulator/start-simulator";
import { simulatorRoutes } from "./simulator-routes";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start(feeds: Map<string, boolean>): Promise<string> {
  const simulator = { bedIds: () => ["bed-1"], setBedFeed: (bedId: string, running: boolean) => feeds.set(bedId, running) } as unknown as Simulator;
  const routes = simulatorRoutes(simulator);
  server = createServer((req, res) => {
    if (!routes(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/api/simulator/beds`;
}

describe("simulator feed route", () => {
  it("cuts and restores a simulated bed's feed", async () => {
    const feeds = new Map<string, boolean>();
    const base = await start(feeds);
    const response = await fetch(`${base}/bed-1/feed`, { method: "POST", body: JSON.stringify({ running: false }) });
    expect(response.status).toBe(200);
    expect(feeds.get("bed-1")).toBe(false);
  });

  it("answers 413 with a reason to an oversized body, and changes nothing", async () => {
    const feeds = new Map<string, boolean>();
    const base = await start(feeds);
    const response = await fetch(`${base}/bed-1/feed`, { method: "POST", body: `{"running": false, "pad": "${"x".repeat(5000)}"}` });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/larger than/);
    expect(feeds.size).toBe(0);
  });

  it("answers 400 naming the field when running is not a boolean, 405 to a GET", async () => {
    const feeds = new Map<string, boolean>();
    const base = await start(feeds);
    const bad = await fetch(`${base}/bed-1/feed`, { method: "POST", body: JSON.stringify({ running: "no" }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^body\.running/);
    expect((await fetch(`${base}/bed-1/feed`)).status).toBe(405);
    expect(feeds.size).toBe(0);
  });
});
