import type { TDeviceType } from "@/lib/catalogue";
import type { TEpisodeSettings } from "@/lib/episodes/episode-settings";
import type { TScenarioName } from "./scenarios";

/** What the simulator needs to know of one support episode it drives (a demo episode with a scenario). */
export interface TSimulatedEpisode {
  readonly id: string;
  readonly bedId: string;
  readonly deviceType: TDeviceType;
  readonly scenario: TScenarioName;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  /** Free text such as "femoral right": tells which leg carries the cannula or the balloon sheath. */
  readonly cannulationSite: string | null;
  readonly settings: TEpisodeSettings;
  /** The unit's IANA time zone: daily bloods are drawn around 05:00 local time. */
  readonly timeZone: string;
}
