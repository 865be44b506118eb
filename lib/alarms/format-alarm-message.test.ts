import { describe, expect, it } from "vitest";
import { formatAlarmMessage } from "./format-alarm-message";
import { episodeOf, H, MIN, read, run, series, T0, times } from "./testing";

describe("an alarm message's parts", () => {
  it("prints the value with the catalogue's decimals and the limit without trailing zeros: Lactate 4.6 ≥ 4 mmol/L", () => {
    const [raised] = run({ steps: [read("lactate", 4.6, T0)], episode: episodeOf("VA_ECMO") }).transitions;
    if (!raised) throw new Error("not raised");
    expect(formatAlarmMessage({ alarm: raised, locale: "en" })).toEqual({
      messageKey: "lactateHigh",
      comparison: "gte",
      values: { parameter: "Arterial lactate", value: "4.6", comparison: "≥", limit: "4", unit: "mmol/L" },
    });
    expect(formatAlarmMessage({ alarm: raised, locale: "fr" }).values).toMatchObject({
      parameter: "Lactates artériels",
      value: "4,6",
    });
  });

  it("prints device units as a person reads them (mmHg, not mm[Hg])", () => {
    const [raised] = run({ steps: series("ecmo_pven", T0, times(-112, 4)), episode: episodeOf("VA_ECMO") }).transitions;
    if (!raised) throw new Error("not raised");
    expect(formatAlarmMessage({ alarm: raised, locale: "en" }).values).toMatchObject({
      value: "-112",
      comparison: "<",
      limit: "-100",
      unit: "mmHg",
    });
  });

  it("prints a relative change in % and a duration in the unit of its limit", () => {
    const platelets = {
      messageKey: "plateletsFallFromPeak",
      parameter: "platelets",
      value: 50.4,
      limit: 50,
      comparison: "gt",
      unit: "%",
    } as const;
    expect(formatAlarmMessage({ alarm: platelets, locale: "en" }).values).toMatchObject({
      parameter: "Platelets",
      value: "50.4",
      limit: "50",
      unit: "%",
    });

    const antiXa = {
      messageKey: "antiXaOverdue",
      parameter: "anti_xa",
      value: 12 * H + 58 * MIN,
      limit: 12 * H,
      comparison: "gt",
      unit: "ms",
    } as const;
    expect(formatAlarmMessage({ alarm: antiXa, locale: "en" }).values).toMatchObject({
      value: "12.9",
      limit: "12",
      unit: "h",
    });
    // Elapsed time is never rounded up: just past 20 min still reads 20, so the sentence says "more than {limit}".
    const pump = {
      messageKey: "iabpPumpStopped",
      parameter: "iabp_pumping",
      value: 20 * MIN + 5000,
      limit: 20 * MIN,
      comparison: "gt",
      unit: "ms",
    } as const;
    expect(formatAlarmMessage({ alarm: pump, locale: "en" }).values).toMatchObject({
      value: "20",
      limit: "20",
      unit: "min",
    });
    const feed = {
      messageKey: "deviceFeedStale",
      parameter: null,
      value: 16_000,
      limit: 15_000,
      comparison: "gt",
      unit: "ms",
    } as const;
    expect(formatAlarmMessage({ alarm: feed, locale: "fr" }).values).toEqual({
      parameter: "",
      value: "16",
      comparison: ">",
      limit: "15",
      unit: "s",
    });
  });
});
