import { describe, expect, it } from "vitest";
import { auditDetailLines } from "./audit-details";

const names = {
  rule: (id: string) => `rule named ${id.length}`,
  unit: (id: string) => `Unit ${id.toUpperCase()}`,
  permission: (code: string) => `may ${code.length}`,
  deniedReason: (reason: "role" | "unit") => `because of the ${reason.length}`,
};

describe("auditDetailLines", () => {
  it("names the alarm rule and the units, and leaves out internal ids and log positions", () => {
    const lines = auditDetailLines(
      { ruleId: "lactate-medium", bedId: "demo-bed-1", status: "acknowledged", eventSeq: 12, unitIds: ["a", "b"] },
      names,
    );
    expect(lines).toEqual([
      { key: "rule", value: "rule named 14" },
      { key: "status", value: "acknowledged" },
      { key: "units", value: "Unit A, Unit B" },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/lactate-medium|demo-bed-1/);
  });

  it("keeps other details as text, without the technical route a request came by", () => {
    expect(auditDetailLines({ reason: "unit", sessionsEnded: 2, via: "socket unit:subscribe" }, names)).toEqual([
      { key: "reason", value: "unit" },
      { key: "sessionsEnded", value: "2" },
    ]);
  });

  it("says a refused access as what was attempted and why, never as a permission code (issue 17)", () => {
    const lines = auditDetailLines(
      { action: "bed.view", reason: "role", via: "socket bed:subscribe" },
      names,
      "access.denied",
    );
    expect(lines).toEqual([
      { key: "permission", value: "may 8" },
      { key: "reason", value: "because of the 4" },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/bed\.view|socket/);
  });
});
