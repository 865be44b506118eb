import { parametersIn, targetIn as catalogueTargetIn, type TDeviceType } from "@/lib/catalogue";
import type { TBedDetail } from "./bed-detail";

/**
 * What a bed view covers (issue 15). With support running: its episode, from its start, the device's values and
 * targets. With an open stay and no support (admitted, not yet cannulated, or after the balloon's removal): the stay
 * from its admission, its own values only (labs, limbs, monitoring, nursing), and the device charts of the stay's last
 * support, so that what was charted while it ran remains in the trends.
 */
export interface TBedScope {
  /** The running support's device type; null when none runs. Decides the panels and the targets. */
  readonly deviceType: TDeviceType | null;
  /** The device type whose charts the trends show: the running support's, else the stay's last one's. */
  readonly chartDeviceType: TDeviceType | null;
  /** Where the view's history starts: the support's start, else the admission. */
  readonly since: number;
  /** The running episode; null for the stay's own readings (their `episodeId` is null too). */
  readonly episodeId: string | null;
}

export function bedScopeOf(detail: Pick<TBedDetail, "episode" | "stay">): TBedScope | null {
  const { episode, stay } = detail;
  if (episode)
    return {
      deviceType: episode.deviceType,
      chartDeviceType: episode.deviceType,
      since: episode.startedAt,
      episodeId: episode.id,
    };
  if (stay)
    return {
      deviceType: null,
      chartDeviceType: stay.lastSupport?.deviceType ?? null,
      since: stay.admittedAt,
      episodeId: null,
    };
  return null;
}

/** The parameters a stay records without support: everything but a support device's own (lib/catalogue). */
export const STAY_PARAMETERS = parametersIn(null);

/** The parameters measured in a scope: the device type's, or the stay's own with no support. */
export function measuredIn(deviceType: TDeviceType | null): ReadonlySet<string> {
  return new Set<string>(parametersIn(deviceType).map((p) => p.code));
}

/** The target in force for a parameter (lib/catalogue targetIn: with no support, only one every support shares). */
export const targetIn = catalogueTargetIn;
