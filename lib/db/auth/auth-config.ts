import { z } from "zod";
import { ZEnvBoolean } from "../../env/env-boolean";

/**
 * Session and origin settings, read by the Node server and by Next's route handlers and pages alike (one process,
 * one environment). server/env.ts validates the same variables at start-up, so a wrong value stops the server.
 */
export const ZAuthEnv = z.object({
  /** A clinical session ends after this many minutes without activity. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** …and after this many hours in all, active or not: about a shift. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  /**
   * The origin people reach the station at, e.g. https://ecmo.hospital.example. When set, only it may post or open a
   * socket, and an https origin turns on Secure cookies and HSTS. Unset: the request's own host is the origin.
   */
  PUBLIC_ORIGIN: z
    .url()
    .transform((u) => new URL(u).origin)
    .optional(),
  /** Behind one reverse proxy: the client address is the right-most X-Forwarded-For hop, the one the proxy added. */
  TRUST_PROXY: ZEnvBoolean.default(false),
});
export type TAuthEnv = z.infer<typeof ZAuthEnv>;

export interface TAuthConfig {
  idleTimeoutMs: number;
  maxAgeMs: number;
  publicOrigin: string | undefined;
  /** Cookies get Secure (and the __Host- name), responses get HSTS. */
  secure: boolean;
  trustProxy: boolean;
}

export function toAuthConfig(env: TAuthEnv): TAuthConfig {
  return {
    idleTimeoutMs: env.SESSION_IDLE_MINUTES * 60_000,
    maxAgeMs: env.SESSION_MAX_HOURS * 3_600_000,
    publicOrigin: env.PUBLIC_ORIGIN,
    secure: env.PUBLIC_ORIGIN?.startsWith("https:") ?? false,
    trustProxy: env.TRUST_PROXY,
  };
}

let cached: TAuthConfig | undefined;

/** The configuration from process.env, parsed once per module instance. */
export function getAuthConfig(): TAuthConfig {
  cached ??= toAuthConfig(ZAuthEnv.parse(process.env));
  return cached;
}
