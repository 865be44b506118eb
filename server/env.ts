import { z } from "zod";

const boolean = z
  .enum(["true", "false", "1", "0", "on", "off", "yes", "no"])
  .transform((v) => ["true", "1", "on", "yes"].includes(v));

/**
 * The server's configuration, validated once at start-up: a wrong value stops the server with a message naming the
 * variable, rather than surfacing later as a strange behaviour on a ward.
 */
export const ZServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Loopback by default: a hospital exposes the station through its reverse proxy, not by accident.
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, "only SQLite file URLs (file:...) are supported by this build")
    .default("file:./data/station.db"),
  /** Demo mode seeds the demo unit (and, later, demo accounts). Off for a real deployment. */
  DEMO: boolean.default(true),
  SIMULATOR: boolean.default(true),
  SIMULATOR_SEED: z.coerce.number().int().default(20261123),
  SIMULATOR_SPEED: z.coerce.number().min(0.1).max(3600).default(1),
  SIMULATOR_TICK_MS: z.coerce.number().int().min(200).max(60_000).default(5_000),
  /** Beds in the demo unit: the central station is laid out for 8, 16 or 32. */
  DEMO_BEDS: z.coerce.number().int().min(1).max(64).default(8),
  /** Comma-separated scenario names to run, in bed order (default: one of each, cycling). */
  SIMULATOR_SCENARIOS: z.string().optional(),
  /** Set to false to serve without building Next (integration tests that need only the API and socket). */
  SERVE_NEXT: boolean.default(true),
});
export type TServerEnv = z.infer<typeof ZServerEnv>;

export function parseServerEnv(source: NodeJS.ProcessEnv): TServerEnv {
  const parsed = ZServerEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return parsed.data;
}
