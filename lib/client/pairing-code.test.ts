import { describe, expect, it } from "vitest";
import { ZPairingCode } from "@/lib/auth/schemas";
import { formatPairingCode, pairingLink } from "./pairing-code";

describe("pairing code display", () => {
  it("groups the 8 characters in two fours, which the pairing form reads back as typed", () => {
    expect(formatPairingCode("K7PQM2XD")).toBe("K7PQ-M2XD");
    expect(ZPairingCode.parse(formatPairingCode("K7PQM2XD"))).toBe("K7PQM2XD");
  });

  it("links to the pairing page of the station's own origin with the code filled in", () => {
    expect(pairingLink("https://ecmo.hospital.example", "K7PQM2XD")).toBe(
      "https://ecmo.hospital.example/pair?code=K7PQM2XD",
    );
  });
});
