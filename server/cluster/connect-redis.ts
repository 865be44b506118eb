import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import type { Logger } from "@/lib/log/logger";
import type { StationIo } from "../realtime/attach-realtime";

export interface TRedisLink {
  /** Commands (the sign-in throttle, readiness's PING) and socket.io's publications. */
  client: Redis;
  /** Subscriptions: a connection in subscriber mode takes no other command. */
  subscriber: Redis;
  /** Names this station's channels and keys (REDIS_PREFIX): two stations may share one Redis. */
  prefix: string;
  /** Whether both connections are up now (readiness). */
  ready(): boolean;
  close(): Promise<void>;
}

/**
 * Redis between the nodes (docs/deployment.md). ioredis reconnects on its own; while Redis is away, commands fail at
 * once rather than wait in a queue (a sign-in answers an error instead of hanging; the change feed's poll covers
 * the lost wake-ups), and what socket.io published meanwhile is lost, which the screens notice (heartbeat seqs).
 */
export async function connectRedis(url: string, log: Logger, prefix = "ecmo-station"): Promise<TRedisLink> {
  const options = {
    // No offline queue: a command sent while Redis is away fails now, rather than all at once minutes later.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
    lazyConnect: true,
  };
  const client = new Redis(url, { ...options, connectionName: "ecmo-station" });
  const subscriber = new Redis(url, { ...options, connectionName: "ecmo-station-sub" });
  let reported = false;
  for (const connection of [client, subscriber]) {
    connection.on("error", (error: Error) => {
      // ioredis repeats the error at each retry: once in the log until it is back.
      if (!reported) log.warn(`redis: ${error.message}; retrying`);
      reported = true;
    });
    connection.on("ready", () => {
      if (reported) log.info("redis: connected again");
      reported = false;
    });
  }
  await Promise.all([client.connect(), subscriber.connect()]);
  return {
    client,
    subscriber,
    prefix,
    ready: () => client.status === "ready" && subscriber.status === "ready",
    async close() {
      await Promise.allSettled([client.quit(), subscriber.quit()]);
    },
  };
}

/** socket.io's Redis adapter: rooms span the nodes (session ends, import progress) and serverSideEmit reaches them. */
export function attachRedisAdapter(io: StationIo, redis: TRedisLink): void {
  io.adapter(createAdapter(publishingSafely(redis.client), redis.subscriber, { key: redis.prefix }));
}

/**
 * The client as the adapter sees it, its publications' failures handled. The adapter publishes without waiting for
 * the answer; with no offline queue, a publication while Redis is away (every commit wakes the other nodes) rejects,
 * and that unhandled rejection ended the node: a Redis blink took down every node that committed during it. What is
 * published meanwhile is lost either way (the other nodes' feeds poll; screens notice a missed message by the
 * heartbeat's seqs), and the outage is in the log once, by the connection's error handler.
 */
export function publishingSafely(client: Redis): Redis {
  return new Proxy(client, {
    get(target, property) {
      if (property === "publish")
        return (channel: string | Buffer, message: string | Buffer) => target.publish(channel, message).catch(() => 0);
      const value: unknown = Reflect.get(target, property, target);
      // Methods run on the client itself (its state is its own); the constructor stays as it is (the adapter reads
      // its name to tell a cluster from a client).
      return typeof value === "function" && property !== "constructor"
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
