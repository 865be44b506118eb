import { createServer } from "node:http";
import { Server } from "socket.io";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "@/lib/log/logger";
import type { StationIo } from "../realtime/attach-realtime";
import { attachRedisAdapter, connectRedis, type TRedisLink } from "./connect-redis";

/**
 * Needs a Redis (REDIS_URL, as the PostgreSQL run sets it); skipped without. A node whose Redis goes away keeps
 * running: what it publishes meanwhile is lost, not thrown at the process.
 */
const url = process.env.REDIS_URL;
const links: TRedisLink[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const io of servers.splice(0)) await io.close();
  for (const link of links.splice(0)) await link.close();
});

describe.skipIf(!url)("the Redis link", () => {
  it("publishes for socket.io while Redis is away without an unhandled rejection (which would end the node)", async () => {
    const link = await connectRedis(url ?? "", silentLogger, `test-${Date.now()}`);
    links.push(link);
    const io = new Server(createServer()) as unknown as StationIo;
    servers.push(io);
    attachRedisAdapter(io, link);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      // Redis away: the connection is down and ioredis has no offline queue, so a publication fails at once.
      link.client.disconnect();
      await expect.poll(() => link.client.status).toBe("end");
      io.serverSideEmit("changes:committed", null);
      io.to("unit:somewhere").emit("server:heartbeat", { at: 0, lastSeq: 0, units: {} });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("still publishes when Redis is there: another subscriber hears the adapter", async () => {
    const prefix = `test-${Date.now()}`;
    const link = await connectRedis(url ?? "", silentLogger, prefix);
    links.push(link);
    const listener = await connectRedis(url ?? "", silentLogger, prefix);
    links.push(listener);
    const heard: string[] = [];
    await listener.subscriber.psubscribe(`${prefix}*`);
    listener.subscriber.on("pmessageBuffer", (_pattern: Buffer, channel: Buffer) => heard.push(channel.toString()));
    const io = new Server(createServer()) as unknown as StationIo;
    servers.push(io);
    attachRedisAdapter(io, link);
    io.serverSideEmit("changes:committed", null);
    await expect.poll(() => heard.length).toBeGreaterThan(0);
  });
});
