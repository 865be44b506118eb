import { describe, expect, it } from "vitest";
import { ZAuditQuery } from "@/lib/auth/schemas";
import { EMPTY_AUDIT_FILTER_FORM, auditQueryString, toAuditFilter } from "./audit-filter";

describe("toAuditFilter", () => {
  it("leaves out what was not filled in", () => {
    expect(toAuditFilter({ ...EMPTY_AUDIT_FILTER_FORM, actor: "   " }, "Europe/Paris")).toEqual({
      ok: true,
      filter: {},
    });
  });

  it("reads the times in the station's zone, summer or winter, and sends them as UTC instants", () => {
    const result = toAuditFilter(
      { ...EMPTY_AUDIT_FILTER_FORM, from: "2026-07-21T08:00:30", to: "2026-11-20T08:00" },
      "Europe/Paris",
    );
    expect(result).toEqual({ ok: true, filter: { from: "2026-07-21T06:00:30.000Z", to: "2026-11-20T07:00:00.000Z" } });
  });

  it("reads a time typed in the page's format, day first, in French and English alike (issue 17)", () => {
    for (const locale of ["fr", "en"] as const) {
      const result = toAuditFilter({ ...EMPTY_AUDIT_FILTER_FORM, from: "03/11/2026 08:15" }, "Europe/Paris", locale);
      expect(result, locale).toEqual({ ok: true, filter: { from: "2026-11-03T07:15:00.000Z" } });
    }
  });

  it("makes a filter the server's query schema accepts", () => {
    const result = toAuditFilter(
      { from: "2026-11-20T08:00", to: "", actor: " cmartin ", action: "user.created", outcome: "success", unitId: "a" },
      "UTC",
    );
    expect(result).toEqual({
      ok: true,
      filter: {
        from: "2026-11-20T08:00:00.000Z",
        actor: "cmartin",
        action: "user.created",
        outcome: "success",
        unitId: "a",
      },
    });
    if (!result.ok) throw new Error("unreachable");
    expect(
      ZAuditQuery.safeParse(
        Object.fromEntries(new URLSearchParams(auditQueryString(result.filter, { before: 9, limit: 100 }))),
      ).success,
    ).toBe(true);
  });

  it("names the field of an unreadable or impossible time, and a range that ends before it starts", () => {
    expect(toAuditFilter({ ...EMPTY_AUDIT_FILTER_FORM, to: "2026-13-45T99:00" }, "UTC")).toEqual({
      ok: false,
      field: "to",
    });
    expect(toAuditFilter({ ...EMPTY_AUDIT_FILTER_FORM, from: "2026-02-31T08:00" }, "UTC")).toEqual({
      ok: false,
      field: "from",
    });
    expect(
      toAuditFilter({ ...EMPTY_AUDIT_FILTER_FORM, from: "2026-11-21T08:00", to: "2026-11-20T08:00" }, "UTC"),
    ).toEqual({ ok: false, field: "range" });
  });
});

describe("auditQueryString", () => {
  it("carries the filter and the page cursor, nothing empty", () => {
    expect(auditQueryString({ actor: "a b", action: "access.denied" }, { before: 42, limit: 100 })).toBe(
      "actor=a+b&action=access.denied&before=42&limit=100",
    );
    expect(auditQueryString({}, { before: undefined })).toBe("");
  });
});
