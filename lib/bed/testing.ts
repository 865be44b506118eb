import type { TBedDetail } from "./bed-detail";

/** A bed detail for tests: an open episode of `deviceType` started at `startedAt`, nothing measured yet. */
export function bedDetailFixture(
  patch: Partial<TBedDetail> & { deviceType?: "VA_ECMO" | "IABP" | "VA_ECMO_IABP"; startedAt?: number } = {},
): TBedDetail {
  const { deviceType = "VA_ECMO", startedAt = Date.UTC(2025, 0, 6, 8), ...rest } = patch;
  return {
    serverTime: startedAt + 30 * 3_600_000,
    lastSeq: 100,
    bed: { id: "b1", label: "01", unitId: "u", unitName: "ICU", timeZone: "Europe/Paris" },
    patient: { initials: "AE", ageYears: 58, sex: "F", weightKg: 68 },
    episode: {
      id: "e1",
      deviceType,
      startedAt,
      cannulationSite: "femoral right",
      diagnosis: "STEMI",
      settings: {},
      ageAtStartYears: 58,
      saveScore: null,
      fourTs: [],
    },
    latest: {},
    labs: {},
    runs: { pumping: null, ratio: null },
    dpFlowBaseline: null,
    ...rest,
  };
}
