import { describe, expect, it } from "vitest";
import { landingPath, ROUNDS_LANDING } from "./landing";

describe("landingPath", () => {
  it("sends a tablet to the rounds list and any other screen home", () => {
    expect(landingPath(null, true)).toBe(ROUNDS_LANDING);
    expect(landingPath("/", true)).toBe(ROUNDS_LANDING);
    expect(landingPath(null, false)).toBe("/");
  });

  it("keeps where the person was going, on a tablet too", () => {
    expect(landingPath("/beds/bed-1", true)).toBe("/beds/bed-1");
    expect(landingPath("//evil.example", true)).toBe(ROUNDS_LANDING);
  });
});
