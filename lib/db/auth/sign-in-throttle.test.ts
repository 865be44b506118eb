import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./sign-in-throttle";

const failTimes = async (throttle: SignInThrottle, n: number, username: string, address: string) => {
  const locked: boolean[] = [];
  for (let i = 0; i < n; i++) locked.push((await throttle.fail(username, address)).lockedNow);
  return locked;
};

describe("SignInThrottle", () => {
  it("locks a name at its last allowed failure, says so once, and keeps it locked for lockSeconds", async () => {
    const throttle = new SignInThrottle({ failuresPerUsername: 3, lockSeconds: 600 });
    expect(await failTimes(throttle, 3, "cmartin", "10.0.0.1")).toEqual([false, false, true]);
    const state = await throttle.check("cmartin", "10.0.0.1");
    expect(state.blocked).toBe(true);
    expect(state.blocked && state.retryAfterSeconds).toBeGreaterThan(590);
    // Another address does not help: the name itself is locked.
    expect((await throttle.check("cmartin", "10.0.0.2")).blocked).toBe(true);
  });

  it("does not lock other names, and a success clears the name's failures", async () => {
    const throttle = new SignInThrottle({ failuresPerUsername: 3 });
    await failTimes(throttle, 2, "cmartin", "10.0.0.1");
    expect(await throttle.check("cmartin", "10.0.0.1")).toEqual({ blocked: false });
    expect(await throttle.check("jdupont", "10.0.0.1")).toEqual({ blocked: false });
    await throttle.succeed("cmartin");
    expect(await failTimes(throttle, 2, "cmartin", "10.0.0.1")).toEqual([false, false]);
    expect(await throttle.check("cmartin", "10.0.0.1")).toEqual({ blocked: false });
  });

  it("pauses an address that sprays many names, without locking any of the names", async () => {
    const throttle = new SignInThrottle({ failuresPerUsername: 5, failuresPerAddress: 4 });
    for (const name of ["a1", "a2", "a3", "a4"])
      expect(await throttle.fail(name, "10.6.6.6")).toEqual({ lockedNow: false });
    expect((await throttle.check("a5", "10.6.6.6")).blocked).toBe(true);
    expect(await throttle.check("a5", "10.0.0.1")).toEqual({ blocked: false });
  });

  it("ends the lock after lockSeconds", async () => {
    const throttle = new SignInThrottle({ failuresPerUsername: 1, lockSeconds: 1 });
    expect(await throttle.fail("cmartin", "10.0.0.1")).toEqual({ lockedNow: true });
    expect((await throttle.check("cmartin", "10.0.0.1")).blocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await throttle.check("cmartin", "10.0.0.1")).toEqual({ blocked: false });
  });
});
