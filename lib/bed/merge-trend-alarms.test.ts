import { describe, expect, it } from "vitest";
import type { TBedTrendEvents } from "./bed-trend-events";
import { mergeTrendAlarms } from "./merge-trend-alarms";
import { alarmDto } from "@/lib/alarms/alarm-dto-fixture";

const T0 = Date.UTC(2025, 0, 6, 8);
const MIN = 60_000;
const window = (alarms: TBedTrendEvents["alarms"]): TBedTrendEvents => ({
  alarms,
  rounds: [],
  from: T0,
  to: T0 + 10 * MIN,
  truncated: false,
});
const bed = { bedId: "bed-1", owner: { episodeId: "episode-1" } };

describe("live alarms on a trend window", () => {
  it("adds an alarm raised after the live window's last read, and moves its end", () => {
    const merged = mergeTrendAlarms(window([]), [alarmDto({ id: "new", raisedAt: T0 + 12 * MIN })], {
      ...bed,
      live: true,
    });
    expect(merged.alarms.map((a) => a.id)).toEqual(["new"]);
    expect(merged.to).toBe(T0 + 12 * MIN);
  });

  it("replaces an alarm by its newer state (ACKNOWLEDGED) in place", () => {
    const before = window([alarmDto({ id: "a", raisedAt: T0 + MIN }), alarmDto({ id: "b", raisedAt: T0 + 2 * MIN })]);
    const merged = mergeTrendAlarms(
      before,
      [alarmDto({ id: "a", raisedAt: T0 + MIN, status: "acknowledged", acknowledgedAt: T0 + 5 * MIN })],
      { ...bed, live: false },
    );
    expect(merged.alarms.map((a) => [a.id, a.status])).toEqual([
      ["a", "acknowledged"],
      ["b", "active"],
    ]);
  });

  it("ignores another bed's alarm, another episode's, and one raised after a fixed window, returning the same object", () => {
    const before = window([]);
    const others = [
      alarmDto({ id: "x", raisedAt: T0 + MIN, bedId: "bed-2" }),
      alarmDto({ id: "y", raisedAt: T0 + MIN, episodeId: "episode-0" }),
      alarmDto({ id: "z", raisedAt: T0 + 12 * MIN }),
    ];
    expect(mergeTrendAlarms(before, others, { ...bed, live: false })).toBe(before);
  });

  it("with no support running, keeps the open stay's alarms (none has an episode) and no other stay's", () => {
    const before = window([]);
    const stay = { bedId: "bed-1", owner: { stayId: "stay-1" }, live: true };
    const merged = mergeTrendAlarms(
      before,
      [
        alarmDto({ id: "lactate", raisedAt: T0 + MIN, stayId: "stay-1", episodeId: null }),
        alarmDto({ id: "previous", raisedAt: T0 + MIN, stayId: "stay-0", episodeId: null }),
      ],
      stay,
    );
    expect(merged.alarms.map((a) => a.id)).toEqual(["lactate"]);
  });
});
