import { describe, expect, it } from "vitest";
import type { TProtocolPlanDto } from "./protocol-dtos";
import { dueSteps, openSteps, prepareTileSteps } from "./prepare-protocols";

const MIN = 60_000;
const H = 60 * MIN;
const T0 = Date.UTC(2026, 11, 3, 8);

const plan = (over: Partial<TProtocolPlanDto>): TProtocolPlanDto => ({
  id: "t1",
  unitId: "u1",
  bedId: "b1",
  bedLabel: "1",
  episodeId: "e1",
  episodeEnded: false,
  protocol: "iabp-weaning",
  version: 1,
  anchorAt: T0,
  startedAt: T0,
  startedBy: "Nurse A",
  status: "active",
  endedAt: null,
  cancelReason: null,
  signatures: [],
  ...over,
});

describe("prepareTileSteps", () => {
  it("shows a pending step with the time it opens, then counts down to its latest time, then counts the overdue time", () => {
    const plans = [plan({})];
    expect(prepareTileSteps(plans, T0 + 15 * MIN).get("b1")?.step).toMatchObject({
      stepId: "ratio-1-2",
      kind: "pending",
      at: T0 + H,
      duration: { unit: "minutes", minutes: 45 },
    });
    expect(prepareTileSteps(plans, T0 + 5 * H + 18 * MIN).get("b1")?.step).toMatchObject({
      kind: "due",
      at: T0 + 6 * H,
      duration: { minutes: 42 },
    });
    expect(prepareTileSteps(plans, T0 + 6 * H + 7 * MIN).get("b1")?.step).toMatchObject({
      kind: "overdue",
      duration: { minutes: 7 },
      overduePriority: "low",
    });
  });

  it("puts an overdue step of one plan before a due step of another on the same bed, and counts the others", () => {
    const helium = plan({ id: "t2", protocol: "helium-check", anchorAt: T0 + 4 * H });
    const tiles = prepareTileSteps([plan({}), helium], T0 + 6 * H + 5 * MIN);
    expect(tiles.get("b1")).toMatchObject({ step: { timerId: "t1", kind: "overdue" }, others: 1 });
  });

  it("leaves out cancelled and completed plans", () => {
    expect(prepareTileSteps([plan({ status: "cancelled" })], T0).size).toBe(0);
    expect(dueSteps([plan({ status: "completed" })], T0 + 2 * H)).toEqual([]);
  });
});

describe("dueSteps and openSteps", () => {
  it("gives the round the steps due or overdue, and the handover every unsigned step", () => {
    const plans = [
      plan({
        signatures: [{ stepId: "ratio-1-2", occurrence: 1, doneAt: T0 + H, signedBy: "A", finding: null, note: null }],
      }),
    ];
    expect(dueSteps(plans, T0 + 90 * MIN)).toEqual([]);
    expect(dueSteps(plans, T0 + 2 * H).map((s) => s.stepId)).toEqual(["ratio-1-4"]);
    const open = openSteps(plans, T0 + 2 * H);
    expect(open[0]).toMatchObject({ stepId: "ratio-1-4", kind: "due" });
    expect(open.map((s) => s.stepId)).not.toContain("ratio-1-2");
    expect(open.filter((s) => s.kind === "waiting")).toHaveLength(8);
  });
});
