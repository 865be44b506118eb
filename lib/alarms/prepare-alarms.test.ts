import { describe, expect, it } from "vitest";
import alarmsEn from "@/lib/i18n/messages/alarms.en.json";
import alarmsFr from "@/lib/i18n/messages/alarms.fr.json";
import type { TAlarmDto } from "./alarm-dto";
import { alarmDto } from "./alarm-dto-fixture";
import { DEFAULT_ALARM_RULES } from "./default-alarm-rules";
import { describeAlarm, mergeAlarms, prepareTileAlarms, sortAlarms } from "./prepare-alarms";

let n = 0;
function alarm(patch: Partial<TAlarmDto>): TAlarmDto {
  n += 1;
  return alarmDto({
    id: `a${n}`,
    unitId: "u",
    bedId: "b1",
    episodeId: "e1",
    limitSourceRef: "clinicalRef-rules",
    raisedAt: 1_000 + n,
    lastEventSeq: n,
    ...patch,
  });
}

const KEYS = new Set(Object.keys(alarmsEn.alarms.message));

describe("the alarm list", () => {
  it("orders by priority, then the newest first", () => {
    const low = alarm({ priority: "low", raisedAt: 5 });
    const oldHigh = alarm({ priority: "high", raisedAt: 1 });
    const newHigh = alarm({ priority: "high", raisedAt: 3 });
    const technical = alarm({ priority: "technical", raisedAt: 9 });
    const medium = alarm({ priority: "medium", raisedAt: 2 });
    expect(sortAlarms([low, oldHigh, technical, medium, newHigh]).map((a) => a.id)).toEqual([
      newHigh.id,
      oldHigh.id,
      medium.id,
      low.id,
      technical.id,
    ]);
  });

  it("keeps the newer copy of an alarm whatever the order they come in, and drops a resolved one", () => {
    const raised = alarm({});
    const acknowledged = { ...raised, status: "acknowledged" as const, lastEventSeq: raised.lastEventSeq + 5 };
    expect(mergeAlarms([acknowledged], [raised])).toEqual([acknowledged]);
    expect(mergeAlarms([raised], [acknowledged])).toEqual([acknowledged]);
    expect(mergeAlarms([raised], [{ ...raised, status: "resolved", lastEventSeq: raised.lastEventSeq + 9 }])).toEqual(
      [],
    );
  });
});

describe("a tile's alarm", () => {
  it("takes the highest priority, flashing while unacknowledged, steady once ACKNOWLEDGED", () => {
    const high = alarm({ bedId: "b1" });
    const medium = alarm({ bedId: "b1", priority: "medium", ruleId: "nirs-left-low" });
    expect(prepareTileAlarms([medium, high]).get("b1")).toMatchObject({
      priority: "high",
      flashing: true,
      top: { id: high.id },
      others: 1,
      parameters: [...new Set([high.parameter, medium.parameter])],
    });
    expect(prepareTileAlarms([medium, { ...high, status: "acknowledged" }]).get("b1")).toMatchObject({
      priority: "high",
      flashing: false,
    });
  });

  it("never flashes for low or technical, and keeps a latched alarm flashing until acknowledged", () => {
    expect(prepareTileAlarms([alarm({ bedId: "b2", priority: "low" })]).get("b2")?.flashing).toBe(false);
    expect(prepareTileAlarms([alarm({ bedId: "b3", priority: "technical" })]).get("b3")?.flashing).toBe(false);
    expect(
      prepareTileAlarms([alarm({ bedId: "b4", priority: "medium", status: "latched", conditionActive: false })]).get(
        "b4",
      )?.flashing,
    ).toBe(true);
    expect(prepareTileAlarms([alarm({ bedId: "b5", status: "resolved" })]).has("b5")).toBe(false);
  });
});

describe("an alarm's message", () => {
  it("has a sentence in English and French for every default rule", () => {
    for (const rule of DEFAULT_ALARM_RULES) {
      expect(alarmsEn.alarms.message, rule.id).toHaveProperty(rule.messageKey);
      expect(alarmsFr.alarms.message, rule.id).toHaveProperty(rule.messageKey);
    }
  });

  it("fills value and limit (Lactate 4.6 ≥ 4 mmol/L), or a round's finding", () => {
    expect(describeAlarm(alarm({}), "en", KEYS)).toMatchObject({
      key: "lactateHigh",
      values: { parameter: "Arterial lactate", value: "4.6", comparison: "≥", limit: "4", unit: "mmol/L" },
    });
    const round = alarm({
      messageKey: "roundAbnormalFinding",
      value: null,
      limit: null,
      comparison: null,
      valueUnit: null,
      parameter: null,
      summary: { en: "Left leg: cold", fr: "Jambe gauche : froide" },
    });
    expect(describeAlarm(round, "fr", KEYS)).toMatchObject({
      key: "roundAbnormalFinding",
      values: { summary: "Jambe gauche : froide" },
    });
    expect(describeAlarm(alarm({ messageKey: "fromANewerVersion" }), "en", KEYS).key).toBe("unknown");
  });

  it("counts an elapsed-time alarm's age on from the time its condition began, never frozen at the raise", () => {
    const raisedAt = Date.UTC(2025, 0, 10, 12, 0, 0);
    const stale = alarm({
      messageKey: "deviceFeedStale",
      parameter: null,
      value: 17_900,
      limit: 15_000,
      comparison: "gt",
      valueUnit: "ms",
      raisedAt,
      conditionActive: true,
      conditionSince: raisedAt - 17_900,
    });
    expect(describeAlarm(stale, "en", KEYS).values.value).toBe("17.9");
    expect(describeAlarm(stale, "en", KEYS, raisedAt).values.value).toBe("17.9");
    // The unit follows the limit's (15 s): a minute later, 77.9 s.
    expect(describeAlarm(stale, "en", KEYS, raisedAt + 60_000).values).toMatchObject({ value: "77.9", unit: "s" });
    // Once the feed is back (latched), the alarm says what it was: its value as stored.
    const latched = { ...stale, conditionActive: false };
    expect(describeAlarm(latched, "en", KEYS, raisedAt + 60_000).values.value).toBe("17.9");
  });
});
