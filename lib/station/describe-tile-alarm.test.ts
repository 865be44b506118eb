import { describe, expect, it } from "vitest";
import { alarmDto } from "@/lib/alarms/alarm-dto-fixture";
import alarmsEn from "@/lib/i18n/messages/alarms.en.json";
import alarmsFr from "@/lib/i18n/messages/alarms.fr.json";
import { describeTileAlarm, TILE_ALARM_FORMS } from "./describe-tile-alarm";

const KNOWN = new Set(Object.keys(alarmsEn.alarms.message));
const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);

describe("describeTileAlarm", () => {
  it("says a reading beyond its limit with the short label and no sentence around it", () => {
    const text = describeTileAlarm({ alarm: alarmDto({ id: "a", raisedAt: NOW }), locale: "en", knownKeys: KNOWN });
    expect(text.form).toBe("reading");
    expect(text.values).toMatchObject({ parameter: "Lactate", value: "4.6", comparison: "≥", limit: "4" });
  });

  it("prints numbers and labels in French", () => {
    const text = describeTileAlarm({ alarm: alarmDto({ id: "a", raisedAt: NOW }), locale: "fr", knownKeys: KNOWN });
    expect(text.values).toMatchObject({ parameter: "Lactates", value: "4,6" });
  });

  it("counts a stale feed's age on from the server's clock", () => {
    const stale = alarmDto({
      id: "s",
      raisedAt: NOW - 60_000,
      messageKey: "deviceFeedStale",
      parameter: null,
      value: 15_000,
      limit: 10_000,
      valueUnit: "ms",
      conditionSince: NOW - 125_000,
    });
    const text = describeTileAlarm({ alarm: stale, locale: "en", knownKeys: KNOWN, now: NOW });
    expect(text.form).toBe("noDeviceData");
    expect(text.values).toMatchObject({ value: "125", unit: "s" });
  });

  it("keeps a short unit on its number's line and lets a long one move whole", () => {
    const falling = (valueUnit: string) =>
      describeTileAlarm({
        alarm: alarmDto({ id: "f", raisedAt: NOW, messageKey: "heliumFalling", parameter: "helium_level", valueUnit }),
        locale: "en",
        knownKeys: KNOWN,
      });
    expect(falling("%").form).toBe("falling");
    expect(falling("%").values.unit).toBe("\u00a0%");
    expect(falling("mmol/L").values.unit).toBe(" mmol/L");
  });

  it("reads an alarm from a newer version as unknown rather than printing its key", () => {
    const alarm = alarmDto({ id: "n", raisedAt: NOW, messageKey: "somethingNew" });
    expect(describeTileAlarm({ alarm, locale: "en", knownKeys: KNOWN }).form).toBe("unknown");
  });

  it("has every short form in both catalogues, and a short form for every full message", () => {
    for (const form of TILE_ALARM_FORMS) {
      expect(alarmsEn.alarms.tile.short[form], form).toBeTruthy();
      expect(alarmsFr.alarms.tile.short[form], form).toBeTruthy();
    }
    for (const key of KNOWN) {
      const alarm = alarmDto({ id: key, raisedAt: NOW, messageKey: key });
      expect(TILE_ALARM_FORMS, key).toContain(describeTileAlarm({ alarm, locale: "en", knownKeys: KNOWN }).form);
    }
  });
});
