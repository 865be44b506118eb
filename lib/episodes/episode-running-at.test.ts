import { describe, expect, it } from "vitest";
import { episodeRunningAt } from "./episode-running-at";

const at = (h: number) => new Date(Date.UTC(2026, 11, 1, h));
const ecmo = { id: "ecmo", startedAt: at(2), endedAt: at(10) };
const iabp = { id: "iabp", startedAt: at(10), endedAt: null };

describe("episodeRunningAt", () => {
  it("finds none before the first support began (a lactate before cannulation)", () => {
    expect(episodeRunningAt([ecmo, iabp], at(1))).toBeUndefined();
  });

  it("finds the support running at the time, its start and end included", () => {
    expect(episodeRunningAt([ecmo, iabp], at(2))?.id).toBe("ecmo");
    expect(episodeRunningAt([ecmo, iabp], at(5).getTime())?.id).toBe("ecmo");
    // At the instant one ends and the next begins, the newer one.
    expect(episodeRunningAt([ecmo, iabp], at(10))?.id).toBe("iabp");
    expect(episodeRunningAt([ecmo, iabp], at(23))?.id).toBe("iabp");
  });

  it("finds none after the last support ended (limb checks after removal)", () => {
    expect(episodeRunningAt([ecmo], at(11))).toBeUndefined();
  });
});
