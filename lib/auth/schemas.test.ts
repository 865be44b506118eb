import { describe, expect, it } from "vitest";
import { ZCreateUser, ZPairingCode, ZSignIn } from "./schemas";

describe("ZPairingCode", () => {
  it("accepts a code typed in any case, with spaces or dashes", () => {
    for (const typed of ["ABCD2345", "abcd2345", "abcd-2345", " ab cd 23 45 ", "AbCd-23-45"])
      expect(ZPairingCode.parse(typed)).toBe("ABCD2345");
  });

  it("refuses what no issued code can be: wrong length, or 0, 1, O, I and other characters", () => {
    for (const typed of ["ABCD234", "ABCD23456", "ABCD0123", "ABCD2345!", "", "ABCDÉ345"])
      expect(ZPairingCode.safeParse(typed).success, typed).toBe(false);
  });
});

describe("ZSignIn", () => {
  it("compares usernames in lower case without surrounding spaces, and leaves the password as typed", () => {
    expect(ZSignIn.parse({ username: "  CMartin ", password: " Pass word " })).toEqual({
      username: "cmartin",
      password: " Pass word ",
    });
  });

  it("bounds both fields, so that hashing an attacker's megabyte is not an option", () => {
    expect(ZSignIn.safeParse({ username: "a", password: "x".repeat(257) }).success).toBe(false);
    expect(ZSignIn.safeParse({ username: "a".repeat(65), password: "x" }).success).toBe(false);
    expect(ZSignIn.safeParse({ username: "", password: "x" }).success).toBe(false);
  });
});

describe("ZCreateUser", () => {
  it("wants a password of at least 12 characters and a person's role, not a display's", () => {
    const user = {
      username: "cmartin",
      displayName: "C. Martin",
      role: "nurse",
      unitIds: [],
      password: "twelve chars",
    };
    expect(ZCreateUser.safeParse(user).success).toBe(true);
    expect(ZCreateUser.safeParse({ ...user, password: "eleven char" }).success).toBe(false);
    expect(ZCreateUser.safeParse({ ...user, role: "display" }).success).toBe(false);
  });
});
