import type { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
  type RateLimiterRes,
} from "rate-limiter-flexible";

export interface TSignInThrottleOptions {
  /** Failed attempts on one name from one address before each further failure makes that pair wait. */
  freeFailuresPerPair?: number;
  /** Failed attempts from one address, whatever the names, before each further failure makes the address wait. */
  freeFailuresPerAddress?: number;
  /** The first wait; each further failure doubles it, up to maxDelaySeconds. */
  baseDelaySeconds?: number;
  maxDelaySeconds?: number;
  /** How long a failure is remembered (from the first of a run). */
  windowSeconds?: number;
  /**
   * Several nodes: the counts and waits live in Redis, so a guesser sent to another node by the load balancer meets
   * the same wait. While Redis is unreachable each node counts in its own memory (rate-limiter-flexible's insurance
   * limiter) rather than refuse every sign-in.
   */
  redis?: Redis;
  /** Names this station's keys in Redis (REDIS_PREFIX), apart from another station's on the same Redis. */
  redisPrefix?: string;
}

export type TThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number };

/** What a failure did: nothing more than count, or start a wait (of this long) for the pair or the address. */
export type TThrottleFailure = { delayed: false } | { delayed: true; retryAfterSeconds: number };

/**
 * Sign-in and pairing guessing protection as OWASP's authentication cheat sheet describes it: no hard lock of a name
 * on its own, which would let anyone lock out anyone (five wrong passwords from anywhere once refused a nurse's right
 * password at her station for 15 min). Failures are counted per name *and* address, and after a few free ones each
 * further failure makes that pair wait twice as long as the last (exponential backoff, answered 429 with
 * Retry-After): a guesser at one address is slowed to a handful of tries an hour, while the same name from another
 * address (the nurse at her station) is not touched. A looser count per address across names slows a password spray
 * the same way. Names that do not exist are counted the same way, so a wait says nothing about whether an account
 * exists. A success clears its pair (not its address: a spray that guesses one password goes on counting).
 *
 * With rate-limiter-flexible: one limiter counts failures in the window, another holds the waits (block()). In
 * memory on a single node; in Redis (RateLimiterRedis, same API) when the station runs on several.
 */
export class SignInThrottle {
  private readonly failures: RateLimiterAbstract;
  private readonly waits: RateLimiterAbstract;
  private readonly freePerPair: number;
  private readonly freePerAddress: number;
  private readonly baseDelay: number;
  private readonly maxDelay: number;

  constructor(options: TSignInThrottleOptions = {}) {
    this.freePerPair = options.freeFailuresPerPair ?? 4;
    this.freePerAddress = options.freeFailuresPerAddress ?? 50;
    this.baseDelay = options.baseDelaySeconds ?? 30;
    this.maxDelay = options.maxDelaySeconds ?? 15 * 60;
    // Counted, never refused by this limiter: the waits are the other one's.
    const store = options.redis ? { redis: options.redis, prefix: options.redisPrefix ?? "ecmo-station" } : undefined;
    this.failures = limiter(store, {
      keyPrefix: "failures",
      points: Number.MAX_SAFE_INTEGER,
      duration: options.windowSeconds ?? 60 * 60,
    });
    this.waits = limiter(store, { keyPrefix: "wait", points: 1, duration: 1 });
  }

  /** Before checking a password: must this name from this address, or this address, wait? */
  async check(username: string, address: string): Promise<TThrottleState> {
    const held = await Promise.all([this.waits.get(pairKey(username, address)), this.waits.get(addressKey(address))]);
    const waits = held
      .filter((r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0 && r.msBeforeNext > 0)
      .map((r) => r.msBeforeNext);
    if (waits.length === 0) return { blocked: false };
    return { blocked: true, retryAfterSeconds: Math.ceil(Math.max(...waits) / 1000) };
  }

  /** Counts a failure; past the free ones it starts a wait, twice as long as the one before. */
  async fail(username: string, address: string): Promise<TThrottleFailure> {
    const started = await Promise.all([
      this.count(pairKey(username, address), this.freePerPair),
      this.count(addressKey(address), this.freePerAddress),
    ]);
    const longest = Math.max(...started);
    return longest > 0 ? { delayed: true, retryAfterSeconds: longest } : { delayed: false };
  }

  /** A success clears the pair's failures and wait. */
  async succeed(username: string, address: string): Promise<void> {
    const key = pairKey(username, address);
    await Promise.all([this.failures.delete(key), this.waits.delete(key)]);
  }

  /** The wait this failure starts for `key`, in seconds (0 while it is among the free ones). */
  private async count(key: string, free: number): Promise<number> {
    const { consumedPoints } = await this.failures.consume(key);
    const beyond = consumedPoints - free;
    if (beyond <= 0) return 0;
    const seconds = Math.min(this.maxDelay, this.baseDelay * 2 ** Math.min(beyond - 1, 30));
    await this.waits.block(key, seconds);
    return seconds;
  }
}

function limiter(
  store: { redis: Redis; prefix: string } | undefined,
  options: IRateLimiterOptions,
): RateLimiterAbstract {
  if (!store) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    keyPrefix: `${store.prefix}:sign-in:${options.keyPrefix ?? ""}`,
    storeClient: store.redis,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

// JSON, so that no name, whatever it holds, can pose as another pair or as an address.
const pairKey = (username: string, address: string) => JSON.stringify(["pair", username, address]);
const addressKey = (address: string) => JSON.stringify(["address", address]);
