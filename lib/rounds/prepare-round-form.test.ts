import { describe, expect, it } from "vitest";
import { itemsAsked } from "./answers";
import { DEFAULT_ROUND_TEMPLATES } from "./default-templates";
import { prepareRoundForm } from "./prepare-round-form";
import { prepareRoundHistory } from "./prepare-round-history";
import type { TBedRoundHistory, TRoundDto } from "./round-dtos";

const IABP = DEFAULT_ROUND_TEMPLATES.IABP.items;
const hourly = itemsAsked(IABP, ["hourly"]);
const at = Date.UTC(2026, 0, 15, 10);

describe("the round form as the tablet draws it", () => {
  it("starts with nothing answered, the last answers beside the items, and cannot be signed", () => {
    const form = prepareRoundForm({
      items: IABP,
      frequencies: ["hourly"],
      answers: {},
      previous: {
        "leg_left.pulse": {
          itemId: "leg_left.pulse",
          value: "weak",
          numberValue: null,
          abnormal: true,
          comment: "cool foot",
          at,
          roundId: "r1",
        },
      },
      locale: "fr",
    });
    expect(form.total).toBe(hourly.length);
    expect(form.answered).toBe(0);
    expect(form.complete).toBe(false);
    const leg = form.sections.flatMap((s) => s.items).find((i) => i.item.itemId === "leg_left.pulse");
    expect(leg).toMatchObject({ answer: null, previous: { words: { text: "Faible" }, abnormal: true, at } });
    expect(form.sections[0]?.title).toBe("Patient");
  });

  it("is complete only when every asked item is validly answered: an abnormal answer without its comment keeps it open", () => {
    const answers = Object.fromEntries(
      hourly.map((i) => [
        i.itemId,
        {
          value:
            i.type === "check"
              ? "done"
              : i.type === "normal_abnormal"
                ? "normal"
                : i.type === "choice"
                  ? "present"
                  : "50",
        },
      ]),
    );
    expect(
      prepareRoundForm({ items: IABP, frequencies: ["hourly"], answers, previous: {}, locale: "en" }).complete,
    ).toBe(true);
    const weak = { ...answers, "leg_left.pulse": { value: "weak" } };
    const form = prepareRoundForm({ items: IABP, frequencies: ["hourly"], answers: weak, previous: {}, locale: "en" });
    expect(form.complete).toBe(false);
    expect(form.remaining).toEqual(["leg_left.pulse"]);
    expect(form.sections.flatMap((s) => s.items).find((i) => i.item.itemId === "leg_left.pulse")).toMatchObject({
      issue: "COMMENT_REQUIRED",
      abnormal: true,
    });
  });

  describe("a number that feeds a parameter", () => {
    const VA = DEFAULT_ROUND_TEMPLATES.VA_ECMO.items;
    const now = at + 2 * 60_000;
    const dpcOf = (form: ReturnType<typeof prepareRoundForm>) =>
      form.sections.flatMap((s) => s.items).find((i) => i.item.itemId === "ecmo.dpc_flow");
    const previous = {
      "ecmo.dpc_flow": {
        itemId: "ecmo.dpc_flow",
        value: "240",
        numberValue: 240,
        abnormal: false,
        comment: null,
        at: at - 3 * 3600_000,
        roundId: "r1",
      },
    };
    const parameterValues = {
      dpc_flow: {
        value: 84,
        unit: "mL/min",
        source: "device" as const,
        at,
        measuredAlarm: { value: 84, unit: "mL/min" },
      },
    };

    it("shows the parameter's newest value, its source and age, not the last round's answer", () => {
      const dpc = dpcOf(
        prepareRoundForm({
          items: VA,
          frequencies: ["hourly"],
          answers: {},
          previous,
          parameterValues,
          now,
          locale: "en",
        }),
      );
      expect(dpc?.newest).toEqual({ value: 84, unit: "mL/min", source: "device", at, ageMinutes: 2 });
      // Nothing typed yet: no warning.
      expect(dpc?.measuredAlarm).toBeNull();
    });

    it("warns when a typed value would be stored while a device reading holds an alarm on the parameter", () => {
      const dpc = dpcOf(
        prepareRoundForm({
          items: VA,
          frequencies: ["hourly"],
          answers: { "ecmo.dpc_flow": { value: "240" } },
          previous,
          parameterValues,
          now,
          locale: "en",
        }),
      );
      expect(dpc?.measuredAlarm).toEqual({ value: 84, unit: "mL/min" });
    });

    it("has no newest value when the parameter was never recorded, and no warning without a measured alarm", () => {
      const none = dpcOf(
        prepareRoundForm({
          items: VA,
          frequencies: ["hourly"],
          answers: { "ecmo.dpc_flow": { value: "240" } },
          previous,
          locale: "en",
        }),
      );
      expect(none).toMatchObject({ newest: null, measuredAlarm: null });
      const quiet = dpcOf(
        prepareRoundForm({
          items: VA,
          frequencies: ["hourly"],
          answers: { "ecmo.dpc_flow": { value: "240" } },
          previous,
          parameterValues: { dpc_flow: { ...parameterValues.dpc_flow, measuredAlarm: null } },
          now,
          locale: "en",
        }),
      );
      expect(quiet?.measuredAlarm).toBeNull();
    });
  });
});

describe("a bed's round history as a table", () => {
  const round = (id: string, signedAt: number, answers: TRoundDto["answers"]): TRoundDto => ({
    id,
    bedId: "b",
    episodeId: "e",
    templateId: "IABP-v1",
    templateVersion: 1,
    dueAt: null,
    startedAt: null,
    signedAt,
    signedBy: "Nurse",
    frequencies: ["hourly"],
    answers,
    amendments: [],
  });
  const answer = (
    itemId: string,
    value: string,
    abnormal = false,
    signed: TRoundDto["answers"][number]["signed"] = null,
  ) => ({ itemId, value, numberValue: null, abnormal, comment: null, signed });

  it("lays each item's answers over time, a dash where a round did not ask it, amended ones marked", () => {
    const history: TBedRoundHistory = {
      bed: { id: "b", label: "06", unitId: "u" },
      timeZone: "Europe/Paris",
      episode: { id: "e", deviceType: "IABP", startedAt: at - 86_400_000 },
      patientInitials: "FE",
      templates: [
        { id: "IABP-v1", deviceType: "IABP", version: 1, publishedAt: at, publishedBy: null, note: null, items: IABP },
      ],
      rounds: [
        round("r1", at, [answer("leg_left.pulse", "weak", true), answer("transit", "normal")]),
        round("r2", at + 3_600_000, [
          answer("leg_left.pulse", "present", false, answer("leg_left.pulse", "absent", true)),
        ]),
      ],
    };
    const table = prepareRoundHistory(history, "en");
    expect(table.columns.map((c) => c.roundId)).toEqual(["r1", "r2"]);
    const rows = table.sections.flatMap((s) => s.rows);
    expect(rows.map((r) => r.itemId)).toEqual(["leg_left.pulse", "transit"]);
    expect(rows[0]?.cells).toEqual([
      { words: { text: "Weak" }, abnormal: true, comment: null, amended: false },
      { words: { text: "Present" }, abnormal: false, comment: null, amended: true },
    ]);
    expect(rows[1]?.cells[1]).toBeNull();
  });
});
