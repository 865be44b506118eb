import { SETTING_CODES, type TDeviceType, type TParameterCode } from "@/lib/catalogue";
import { measuredIn } from "./bed-scope";

/**
 * The bed view's charts: one per parameter group, each with parameters that share a unit so that they share an axis
 * (pump speed in thousands would flatten flow in litres). `band` names the parameter whose target range is shaded.
 * `source` says where the points come from: device streams through the series API, labs from the bed's own detail.
 */
export const TREND_CHART_IDS = [
  "ecmo_flow",
  "ecmo_rpm",
  "ecmo_pressures",
  "iabp_pressures",
  "iabp_helium",
  "iabp_ratio",
  "haemodynamics",
  "heart_rate",
  "limb",
  "lactate",
  "anti_xa",
  "platelets",
  "hemoglobin",
  "fibrinogen",
  "ldh",
] as const;
export type TTrendChartId = (typeof TREND_CHART_IDS)[number];

export interface TTrendChartSpec {
  readonly id: TTrendChartId;
  readonly parameters: readonly TParameterCode[];
  readonly band: TParameterCode | null;
  readonly source: "series" | "labs";
}

const ECMO_CHARTS: readonly TTrendChartSpec[] = [
  { id: "ecmo_flow", parameters: ["ecmo_flow", "ecmo_sweep"], band: "ecmo_flow", source: "series" },
  { id: "ecmo_rpm", parameters: ["ecmo_rpm"], band: null, source: "series" },
  { id: "ecmo_pressures", parameters: ["ecmo_p1", "ecmo_p2", "ecmo_dp", "ecmo_pven"], band: null, source: "series" },
];
const IABP_CHARTS: readonly TTrendChartSpec[] = [
  { id: "iabp_pressures", parameters: ["iabp_aug", "iabp_sys", "iabp_baedp"], band: null, source: "series" },
  { id: "iabp_helium", parameters: ["helium_level"], band: "helium_level", source: "series" },
  { id: "iabp_ratio", parameters: ["iabp_ratio"], band: null, source: "series" },
];
const COMMON_CHARTS: readonly TTrendChartSpec[] = [
  // MAP in mmHg and heart rate in /min: two charts, each on its own axis and unit.
  { id: "haemodynamics", parameters: ["map"], band: "map", source: "series" },
  { id: "heart_rate", parameters: ["hr"], band: null, source: "series" },
  { id: "limb", parameters: ["nirs_left", "nirs_right"], band: "nirs_left", source: "series" },
];
const LAB_CHARTS: readonly TTrendChartSpec[] = [
  { id: "lactate", parameters: ["lactate"], band: "lactate", source: "labs" },
  { id: "anti_xa", parameters: ["anti_xa"], band: "anti_xa", source: "labs" },
  { id: "platelets", parameters: ["platelets"], band: "platelets", source: "labs" },
  { id: "hemoglobin", parameters: ["hemoglobin"], band: "hemoglobin", source: "labs" },
  { id: "fibrinogen", parameters: ["fibrinogen"], band: "fibrinogen", source: "labs" },
  { id: "ldh", parameters: ["ldh"], band: "ldh", source: "labs" },
];

/**
 * The charts of a device type, device groups first, each limited to the parameters that device reports. Null: a stay
 * that never had support, whose charts are the stay's own (monitoring, limbs, labs).
 */
export function trendChartsFor(deviceType: TDeviceType | null): readonly TTrendChartSpec[] {
  const measured = measuredIn(deviceType);
  const specs = [
    ...(deviceType === null || deviceType === "IABP" ? [] : ECMO_CHARTS),
    ...(deviceType === null || deviceType === "VA_ECMO" ? [] : IABP_CHARTS),
    ...COMMON_CHARTS,
    ...LAB_CHARTS,
  ];
  return specs
    .map((spec) => ({ ...spec, parameters: spec.parameters.filter((p) => measured.has(p)) }))
    .filter((spec) => spec.parameters.length > 0);
}

/**
 * The parameters of a device type's trends request: every device chart's, and the settings whose changes are marked
 * (lib/bed/trend-events.ts). One list for the server's render and the browser, which must ask for the same series.
 */
export function trendParametersFor(deviceType: TDeviceType | null): TParameterCode[] {
  const measured = measuredIn(deviceType);
  const charted = trendChartsFor(deviceType)
    .filter((s) => s.source === "series")
    .flatMap((s) => s.parameters);
  return [...new Set([...charted, ...SETTING_CODES.filter((code) => measured.has(code))])];
}
