import { describe, expect, it } from "vitest";
import { retryOnDeadlock } from "./retry-on-deadlock";

const conflict = (code: string) => Object.assign(new Error(code === "40P01" ? "deadlock detected" : code), { code });
const noPause = () => Promise.resolve();

describe("retryOnDeadlock", () => {
  it("runs a transaction PostgreSQL aborted for a deadlock or a serialisation failure again, and answers its result", async () => {
    const failures = [conflict("40P01"), conflict("40001")];
    let runs = 0;
    const result = await retryOnDeadlock(
      () => {
        runs += 1;
        const failure = failures.shift();
        return failure ? Promise.reject(failure) : Promise.resolve("stored");
      },
      { pause: noPause },
    );
    expect(result).toBe("stored");
    expect(runs).toBe(3);
  });

  it("gives up after its attempts, with the database's error", async () => {
    let runs = 0;
    const run = () => {
      runs += 1;
      return Promise.reject(conflict("40P01"));
    };
    await expect(retryOnDeadlock(run, { attempts: 3, pause: noPause })).rejects.toMatchObject({ code: "40P01" });
    expect(runs).toBe(3);
  });

  it("never runs again what failed for another reason (a constraint, the fence)", async () => {
    let runs = 0;
    const run = () => {
      runs += 1;
      return Promise.reject(Object.assign(new Error("violates foreign key"), { code: "23503" }));
    };
    await expect(retryOnDeadlock(run, { pause: noPause })).rejects.toThrow("violates foreign key");
    expect(runs).toBe(1);
  });
});
