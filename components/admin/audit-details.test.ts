import { describe, expect, it } from "vitest";
import { auditDetailLines } from "./audit-details";

const names = { rule: (id: string) => `rule named ${id.length}`, unit: (id: string) => `Unit ${id.toUpperCase()}` };

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

  it("keeps other details as text", () => {
    expect(auditDetailLines({ reason: "unit", sessionsEnded: 2, via: { kiosk: true } }, names)).toEqual([
      { key: "reason", value: "unit" },
      { key: "sessionsEnded", value: "2" },
      { key: "via", value: '{"kiosk":true}' },
    ]);
  });
});
