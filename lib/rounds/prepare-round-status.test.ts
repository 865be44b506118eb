import { describe, expect, it } from "vitest";
import type { TBedRoundStatus } from "./round-dtos";
import { prepareRoundStatus } from "./prepare-round-status";

const NOW = Date.UTC(2026, 0, 15, 12);
const bed = (dueAt: number, abnormal = 0): TBedRoundStatus => ({
  bedId: "b1",
  label: "1",
  position: 1,
  episode: { id: "e1", deviceType: "IABP", startedAt: NOW - 86_400_000 },
  patientInitials: "SP",
  schedule: { dueAt, overdue: NOW >= dueAt, open: ["hourly"] },
  lastRound: null,
  abnormal: Array.from({ length: abnormal }, (_, i) => ({
    itemId: `i${i}`,
    labelEn: "x",
    labelFr: "x",
    value: "abnormal",
    comment: null,
    roundId: "r",
    signedAt: NOW,
  })),
});

describe("a bed's round status for the station and the rounds page", () => {
  it("says 'due in 12 min' before the due time and 'overdue 25 min' after it", () => {
    expect(prepareRoundStatus(bed(NOW + 12 * 60_000 - 30_000), NOW)).toMatchObject({
      kind: "due",
      duration: { unit: "minutes", minutes: 12 },
    });
    expect(prepareRoundStatus(bed(NOW - 25 * 60_000 - 30_000, 1), NOW)).toMatchObject({
      kind: "overdue",
      duration: { unit: "minutes", minutes: 25 },
      findings: 1,
    });
  });

  it("words long delays in hours and days", () => {
    expect(prepareRoundStatus(bed(NOW - 130 * 60_000), NOW)).toMatchObject({
      duration: { unit: "hours", hours: 2, minutes: 10 },
    });
    expect(prepareRoundStatus(bed(NOW - (3 * 1440 + 4 * 60) * 60_000), NOW)).toMatchObject({
      duration: { unit: "days", days: 3, hours: 4 },
    });
  });

  it("has nothing due for an empty bed", () => {
    expect(prepareRoundStatus({ ...bed(NOW), episode: null, schedule: null }, NOW)).toEqual({ kind: "empty" });
  });
});
