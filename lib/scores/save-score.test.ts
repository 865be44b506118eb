import { describe, expect, it } from "vitest";
import {
  computeSaveScore,
  parseStoredSaveScore,
  saveRiskClass,
  ZSaveScoreInputs,
  type TSaveScoreInputs,
} from "./save-score";

const quiet: TSaveScoreInputs = {
  ageYears: 55,
  weightKg: 80,
  diagnoses: [],
  liverFailure: false,
  cnsDysfunction: false,
  acuteRenalFailure: false,
  chronicRenalFailure: false,
  intubationHours: 0,
  peakInspiratoryPressure: null,
  cardiacArrest: false,
  diastolicBp: 35,
  pulsePressure: 30,
  bicarbonate: 22,
};

describe("SAVE score (Schmidt 2015)", () => {
  it("worked example, young myocarditis: 7 + 2 + 3 + 3 (PIP) + 3 (DBP) − 6 = 12, class I, 75 %", () => {
    const score = computeSaveScore({
      ...quiet,
      ageYears: 30,
      weightKg: 70,
      diagnoses: ["myocarditis"],
      intubationHours: 5,
      peakInspiratoryPressure: 18,
      diastolicBp: 45,
      pulsePressure: 25,
    });
    expect(score.total).toBe(12);
    expect(score).toMatchObject({ constant: -6, riskClass: "I", survivalPct: 75 });
    expect(score.items).toMatchObject({
      age: 7,
      weight: 2,
      diagnosis: 3,
      peakInspiratoryPressure: 3,
      diastolicBp: 3,
      intubation: 0,
    });
  });

  it("worked example, every adverse item: −29 − 6 = −35, class V, 18 %", () => {
    const score = computeSaveScore({
      ageYears: 70,
      weightKg: 95,
      diagnoses: ["congenital"],
      liverFailure: true,
      cnsDysfunction: true,
      acuteRenalFailure: true,
      chronicRenalFailure: true,
      intubationHours: 40,
      peakInspiratoryPressure: 25,
      cardiacArrest: true,
      diastolicBp: 30,
      pulsePressure: 15,
      bicarbonate: 12,
    });
    expect(score.total).toBe(-35);
    expect(score).toMatchObject({ riskClass: "V", survivalPct: 18 });
  });

  it("applies the −6 constant to everyone: 3 (age) + 2 (weight) scores −1, class III, not 5", () => {
    const score = computeSaveScore(quiet);
    expect(Object.values(score.items).reduce((a, b) => a + b, 0)).toBe(5);
    expect(score.total).toBe(-1);
    expect(score).toMatchObject({ riskClass: "III", survivalPct: 42 });
  });

  it("scores the band limits as published", () => {
    const item = (patch: Partial<TSaveScoreInputs>) => computeSaveScore({ ...quiet, ...patch }).items;
    expect([18, 38, 39, 52, 53, 62, 63].map((ageYears) => item({ ageYears }).age)).toEqual([7, 7, 4, 4, 3, 3, 0]);
    expect([50, 65, 65.5, 89, 90].map((weightKg) => item({ weightKg }).weight)).toEqual([1, 1, 2, 2, 0]);
    expect([0, 10, 11, 29, 30].map((intubationHours) => item({ intubationHours }).intubation)).toEqual([
      0, 0, -2, -2, -4,
    ]);
    expect(
      [20, 21].map((peakInspiratoryPressure) => item({ peakInspiratoryPressure }).peakInspiratoryPressure),
    ).toEqual([3, 0]);
    expect([39, 40].map((diastolicBp) => item({ diastolicBp }).diastolicBp)).toEqual([0, 3]);
    expect([20, 21].map((pulsePressure) => item({ pulsePressure }).pulsePressure)).toEqual([-2, 0]);
    expect([15, 16].map((bicarbonate) => item({ bicarbonate }).bicarbonate)).toEqual([-3, 0]);
    expect(item({ diagnoses: ["refractory_vt_vf"] }).diagnosis).toBe(2);
    expect(item({ diagnoses: ["post_transplant"] }).diagnosis).toBe(3);
    expect(item({ chronicRenalFailure: true }).chronicRenalFailure).toBe(-6);
  });

  it("classes: I ≥ 5, II 1–4, III −4…0, IV −9…−5, V ≤ −10", () => {
    expect([5, 4, 1, 0, -4, -5, -9, -10].map((t) => saveRiskClass(t).riskClass)).toEqual([
      "I",
      "II",
      "II",
      "III",
      "III",
      "IV",
      "IV",
      "V",
    ]);
  });

  it("refuses a child: the score was derived in adults", () => {
    expect(ZSaveScoreInputs.safeParse({ ...quiet, ageYears: 16 }).success).toBe(false);
  });
});

describe("parseStoredSaveScore", () => {
  it("reads what was stored and ignores what it cannot read", () => {
    expect(parseStoredSaveScore({ ...quiet, recordedAt: 5 })).toEqual({ ...quiet, recordedAt: 5 });
    expect(parseStoredSaveScore(null)).toBeNull();
    expect(parseStoredSaveScore("{not json")).toBeNull();
    expect(parseStoredSaveScore({ ageYears: 40 })).toBeNull();
  });

  it("combines diagnosis groups as the published score does: myocarditis with refractory VT/VF scores 3 + 2", () => {
    const points = (diagnoses: TSaveScoreInputs["diagnoses"]) => computeSaveScore({ ...quiet, diagnoses }).items;
    expect(points(["myocarditis", "refractory_vt_vf"]).diagnosis).toBe(5);
    expect(points([]).diagnosis).toBe(0);
    expect(ZSaveScoreInputs.safeParse({ ...quiet, diagnoses: ["myocarditis", "myocarditis"] }).success).toBe(false);
    expect(ZSaveScoreInputs.safeParse({ ...quiet, diagnoses: ["flu"] }).success).toBe(false);
  });

  it("reads inputs stored with one diagnosis, before the groups combined, as the same score", () => {
    const { diagnoses: _none, ...rest } = quiet;
    expect(parseStoredSaveScore({ ...rest, diagnosis: "myocarditis", recordedAt: 1 })?.diagnoses).toEqual([
      "myocarditis",
    ]);
    expect(parseStoredSaveScore({ ...rest, diagnosis: "other", recordedAt: 1 })?.diagnoses).toEqual([]);
  });
});
