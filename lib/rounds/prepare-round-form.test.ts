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
