import { describe, expect, it } from "vitest";
import type { TCommittedObservation } from "@/lib/observations/observation";
import type { TChange, TCommittedPage } from "./change";
import { decodeCommittedPage, encodeCommittedPage, type TCommittedPageWire } from "./committed-page-wire";

const at = Date.UTC(2026, 11, 5, 3, 0, 0);
const observation = (seq: number, overrides: Partial<TCommittedObservation> = {}): TChange => {
  const o: TCommittedObservation = {
    seq,
    stayId: `stay-${seq % 3}`,
    episodeId: seq % 3 === 0 ? null : `episode-${seq % 3}`,
    bedId: `bed-${seq % 3}`,
    unitId: "icu-a",
    parameter: seq % 2 ? "map" : "ecmo_flow",
    value: seq % 2 ? 64 + seq : 3.75,
    unit: seq % 2 ? "mm[Hg]" : "L/min",
    observedAt: at + seq * 7,
    receivedAt: at + 5_000,
    source: "device",
    ...overrides,
  };
  return { log: "observation", seq, observation: o };
};
const page = (changes: TChange[]): TCommittedPage => ({
  changes,
  span: { from: { observation: 99, alarm: 12, document: 4 }, to: { observation: 106, alarm: 12, document: 4 } },
});
const sample = () => page([100, 101, 103, 104, 106].map((s) => observation(s)));
/** Through JSON, as a node reads it from Redis (the adapter's msgpack keeps the same values). */
const travel = (wire: TCommittedPageWire | null): unknown => JSON.parse(JSON.stringify(wire));

describe("a committed page between nodes", () => {
  it("arrives as the changes and the span it left as", () => {
    const sent = sample();
    const received = decodeCommittedPage(travel(encodeCommittedPage(sent)));
    expect(received).toEqual({ ok: true, page: sent });
  });

  it("does not travel this way with a laboratory result's extras, another log's change or two receipt times", () => {
    expect(encodeCommittedPage(page([observation(100), observation(101, { status: "corrected", replaces: 7 })]))).toBe(
      null,
    );
    const document: TChange = {
      log: "document",
      seq: 5,
      change: { type: "stay:changed", unitId: "icu-a", bedId: "bed-1", stayId: "stay-1" },
    };
    expect(encodeCommittedPage(page([observation(100), document]))).toBe(null);
    expect(encodeCommittedPage(page([observation(100), observation(101, { receivedAt: at })]))).toBe(null);
    expect(encodeCommittedPage(page([]))).toBe(null);
  });

  it("is refused, with what is wrong, when it does not hold together", () => {
    const wire = encodeCommittedPage(sample()) as TCommittedPageWire;
    const refused = (changed: unknown) => {
      const received = decodeCommittedPage(changed);
      return received.ok ? "taken" : received.reason;
    };
    expect(refused(null)).toMatch(/expected object/);
    expect(refused({ ...wire, to: { ...wire.to, observation: 105 } })).toMatch(/span does not match/);
    expect(refused({ ...wire, from: { ...wire.from, observation: 100 } })).toMatch(/span does not match/);
    expect(refused({ ...wire, to: { ...wire.to, alarm: 13 } })).toMatch(/span does not match/);
    expect(refused({ ...wire, from: { ...wire.from, document: -1 } })).toMatch(/^from\.document/);
    expect(refused({ ...wire, unitOfBed: wire.unitOfBed.slice(1) })).toMatch(/no unit for its bed/);
    expect(refused({ ...wire, unitOfParameter: [] })).toMatch(/no unit for its bed or its parameter/);
    expect(refused({ ...wire, readings: { ...wire.readings, value: [1] } })).toMatch(/column value has 1 of 5/);
    expect(refused(travel(wire))).toBe("taken");
  });
});
