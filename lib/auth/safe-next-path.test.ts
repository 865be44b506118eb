import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

const HOSTILE = [
  "//evil.example",
  "//evil.example/station",
  "/\tevil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "https://evil.example",
  "https://evil.example/station",
  "http:evil.example",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/station\r\nSet-Cookie: session=x",
  "/station\u0000",
  "/station\u0085",
  "/.//evil.example",
  "evil.example",
  "",
];

describe("safeNextPath", () => {
  it.each(HOSTILE)("sends %j to the station's home, never to another host", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("answers home without a continuation", () => {
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
  });

  it("keeps this station's own paths with their query and hash", () => {
    expect(safeNextPath("/station/unit-1")).toBe("/station/unit-1");
    expect(safeNextPath("/bed/b1?range=6h#chart")).toBe("/bed/b1?range=6h#chart");
    expect(safeNextPath("/")).toBe("/");
  });

  it("keeps percent-encoded CR/LF as inert text of a local path (the decoded characters are what is refused)", () => {
    const kept = safeNextPath("/station/%0d%0a//evil.example");
    expect(kept).toBe("/station/%0d%0a//evil.example");
    expect(new URL(kept, "https://icu.example").origin).toBe("https://icu.example");
  });

  it("answers the parsed path, so what the browser follows is what was checked", () => {
    expect(safeNextPath("/station/../admin")).toBe("/admin");
  });
});
