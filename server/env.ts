import { z } from "zod";
import { ZEnvBoolean } from "@/lib/env/env-boolean";
import { ZAuthEnv } from "@/lib/db/auth/auth-config";
import { isTimeZone } from "@/lib/time/zoned-time";

/**
 * The server's configuration, validated once at start-up: a wrong value stops the server with a message naming the
 * variable, rather than surfacing later as a strange behaviour on a ward.
 *
 * The fields only, without the checks across fields (ZCheckedServerEnv, applied by parseServerEnv): zod refuses to
 * `.pick()` from an object schema that carries a refinement, and the CLIs pick the few variables they need.
 */
export const ZServerEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Loopback by default: a hospital exposes the station through its reverse proxy, not by accident.
    HOST: z.string().min(1).default("127.0.0.1"),
    DATABASE_URL: z
      .string()
      // The engine follows the URL (lib/db/client.ts, docs/deployment-database.md).
      .regex(
        /^(file:|postgres(ql)?:\/\/)/,
        "a SQLite file URL (file:...) or a PostgreSQL URL (postgresql://user@host:port/database)",
      )
      .default("file:./data/station.db"),
    /**
     * Demo mode seeds the demo unit and one account per role, whose credentials the sign-in page shows under a DEMO
     * banner. Off for a real deployment: nothing is seeded, and the first administrator comes from `npm run
     * user:create`.
     */
    DEMO: ZEnvBoolean.default(true),
    SIMULATOR: ZEnvBoolean.default(true),
    SIMULATOR_SEED: z.coerce.number().int().default(20261123),
    SIMULATOR_SPEED: z.coerce.number().min(0.1).max(3600).default(1),
    SIMULATOR_TICK_MS: z.coerce.number().int().min(200).max(60_000).default(5_000),
    /** Beds in the demo unit: the central station is laid out for 8, 16 or 32. */
    DEMO_BEDS: z.coerce.number().int().min(1).max(64).default(8),
    /** The language the demo's stored text (admission diagnoses) is written in; the screens follow each user's. */
    DEMO_LANGUAGE: z.enum(["en", "fr"]).default("en"),
    /** Comma-separated scenario names to run, in bed order (default: one of each, cycling). */
    SIMULATOR_SCENARIOS: z.string().optional(),
    /** Set to false to serve without building Next (integration tests that need only the API and socket). */
    SERVE_NEXT: ZEnvBoolean.default(true),
    /**
     * TCP port of the HL7 v2 MLLP listener (how interface engines send lab results); 0 leaves it off, as in the demo:
     * a listener should be opened on purpose, towards a known interface engine.
     */
    MLLP_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    /** Loopback by default, like HOST: an interface engine on another machine needs the address set explicitly. */
    MLLP_HOST: z.string().min(1).default("127.0.0.1"),
    /** Zone of HL7 times sent without an offset (HL7 says: the sender's local time). */
    IMPORT_TIME_ZONE: z
      .string()
      .refine(isTimeZone, "not an IANA time zone (e.g. Europe/Paris)")
      .default("Europe/Paris"),
    /** The zone of the administration's and imports' times (lib/env/station-time-zone.ts): the hospital's. */
    STATION_TIME_ZONE: z
      .string()
      .refine(isTimeZone, "not an IANA time zone (e.g. Europe/Paris)")
      .default("Europe/Paris"),
    /** A JSON file of local codes (lib/imports/codes/local-codes.ts) added to the shipped table. */
    IMPORT_LOCAL_CODES: z.string().min(1).optional(),
    /**
     * Several nodes (docs/deployment.md): Redis carries socket.io's messages between nodes, the wake-up of their
     * change feeds and the sign-in throttle. Unset on a single node.
     */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "a Redis URL (redis://host:6379)")
      .optional(),
    /**
     * The PostgreSQL database whose session advisory lock elects the node that does the work done once (alarm
     * engine, simulator, start-up migrations and seeding, closing a dead node's imports). Unset: this node is the only
     * one and does it all.
     */
    /**
     * Names this station's channels and keys in Redis: two stations on one Redis (a test run beside another, two
     * sites) would otherwise hear each other's socket.io messages and share their sign-in throttles.
     */
    REDIS_PREFIX: z
      .string()
      .regex(/^[\w.:-]{1,64}$/, "letters, digits, . : _ - (at most 64)")
      .default("ecmo-station"),
    LEADER_LOCK_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "a PostgreSQL URL (postgres://user@host:5432/db)")
      .optional(),
    /** This node's name in logs, import jobs and the leader's row; default host name and process id. */
    NODE_ID: z
      .string()
      .regex(/^[\w.:-]{1,64}$/, "letters, digits, . : _ - (at most 64)")
      .optional(),
  })
  .extend(ZAuthEnv.shape);
export type TServerEnv = z.infer<typeof ZServerEnv>;

const ZCheckedServerEnv = ZServerEnv
  // Two nodes without a lock would both run the alarm engine and double every alarm: refused at start-up.
  .refine((env) => env.REDIS_URL === undefined || env.LEADER_LOCK_URL !== undefined, {
    path: ["LEADER_LOCK_URL"],
    message: "required with REDIS_URL (several nodes elect their leader with it; docs/deployment.md)",
  });

// Not NodeJS.ProcessEnv: Next's types (next-env.d.ts, present after any build) make its NODE_ENV required, so a
// test's `{ DEMO: "0" }` would stop type-checking, and `next build` with it.
export function parseServerEnv(source: Readonly<Record<string, string | undefined>>): TServerEnv {
  const parsed = ZCheckedServerEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return parsed.data;
}
