import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";

export interface TSignInThrottleOptions {
  /** Failed attempts on one username before it is locked (whether or not the account exists). */
  failuresPerUsername?: number;
  /** Failed attempts from one address before it is paused (a password spray across many usernames). */
  failuresPerAddress?: number;
  /** How far back failures count, and how long a lock lasts. */
  windowSeconds?: number;
  lockSeconds?: number;
}

export type TThrottleState = { blocked: false } | { blocked: true; retryAfterSeconds: number };

/**
 * Sign-in and pairing brute-force protection with rate-limiter-flexible (its "login endpoint protection" recipe):
 * consecutive failures per username lock that name for a while, failures per address pause that address. Names that
 * do not exist are counted and locked the same way, so a lock says nothing about whether an account exists.
 *
 * In memory: one station process owns its sign-ins. A scaled-out deployment swaps in RateLimiterRedis (same API).
 */
export class SignInThrottle {
  private readonly byUsername: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;
  private readonly lockSeconds: number;

  constructor(options: TSignInThrottleOptions = {}) {
    const duration = options.windowSeconds ?? 15 * 60;
    const blockDuration = options.lockSeconds ?? 15 * 60;
    this.lockSeconds = blockDuration;
    this.byUsername = new RateLimiterMemory({
      keyPrefix: "user",
      points: options.failuresPerUsername ?? 5,
      duration,
      blockDuration,
    });
    this.byAddress = new RateLimiterMemory({
      keyPrefix: "addr",
      points: options.failuresPerAddress ?? 50,
      duration,
      blockDuration,
    });
  }

  /** Before checking a password: is this name or this address locked? */
  async check(username: string, address: string): Promise<TThrottleState> {
    const [user, addr] = await Promise.all([this.byUsername.get(username), this.byAddress.get(address)]);
    const waits = [user, addr]
      .filter((r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0 && r.msBeforeNext > 0)
      .map((r) => r.msBeforeNext);
    if (waits.length === 0) return { blocked: false };
    return { blocked: true, retryAfterSeconds: Math.ceil(Math.max(...waits) / 1000) };
  }

  /** Counts a failure; answers whether this failure is the one that locked the name. */
  async fail(username: string, address: string): Promise<{ lockedNow: boolean }> {
    const [user, addr] = await Promise.allSettled([this.byUsername.consume(username), this.byAddress.consume(address)]);
    // check() counts a key as locked as soon as its points are spent, so the failure that spends the last point is
    // the one that locks (consume() rejects only on the failure after it, which check() never lets through). That
    // failure starts the lock for lockSeconds from now, not for what is left of the window.
    const spentNow = (r: PromiseSettledResult<RateLimiterRes>) =>
      r.status === "fulfilled" && r.value.remainingPoints === 0;
    if (spentNow(user)) await this.byUsername.block(username, this.lockSeconds);
    if (spentNow(addr)) await this.byAddress.block(address, this.lockSeconds);
    return { lockedNow: spentNow(user) };
  }

  /** A success clears the name's failures (not the address's: a spray that guesses one password goes on counting). */
  async succeed(username: string): Promise<void> {
    await this.byUsername.delete(username);
  }
}
