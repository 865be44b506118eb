import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const request = (forwarded: string | string[] | undefined, peer = "10.0.0.9") =>
  ({ headers: { "x-forwarded-for": forwarded }, socket: { remoteAddress: peer } }) as unknown as IncomingMessage;

describe("clientAddress", () => {
  it("behind the trusted proxy takes the hop the proxy appended, not the client-written left-most entry", () => {
    expect(clientAddress(request("6.6.6.6, 192.0.2.10"), true)).toBe("192.0.2.10");
    expect(clientAddress(request(["1.1.1.1", "192.0.2.11"]), true)).toBe("192.0.2.11");
    expect(clientAddress(request("192.0.2.12"), true)).toBe("192.0.2.12");
  });

  it("falls back to the peer when the header is missing or empty", () => {
    expect(clientAddress(request(undefined), true)).toBe("10.0.0.9");
    expect(clientAddress(request(" , "), true)).toBe("10.0.0.9");
  });

  it("ignores X-Forwarded-For entirely without a trusted proxy", () => {
    expect(clientAddress(request("192.0.2.10"), false)).toBe("10.0.0.9");
  });
});
