import { parametersFor, type TParameterCode } from "@/lib/catalogue";
import { ratioToNumber } from "@/lib/episodes/episode-settings";
import type { TSimulatedEpisode } from "@/lib/simulator/simulated-episode";
import { createScenarioClock, type TScenarioClock } from "./clock/create-scenario-clock";
import { createNoise, type TNoise } from "./noise/create-noise";
import { SCENARIOS, type TScenario, type TScenarioContext } from "./scenarios";

/** Everything the pure generators need to produce one episode's readings. */
export interface TEpisodeSimulation {
  readonly episode: TSimulatedEpisode;
  readonly scenario: TScenario;
  readonly context: TScenarioContext;
  readonly clock: TScenarioClock;
  readonly noise: TNoise;
  /** The catalogue's parameters for the episode's device type: nothing else is generated. */
  readonly parameters: ReadonlySet<TParameterCode>;
  readonly cannulatedSide: "left" | "right";
}

export interface CreateEpisodeSimulationOptions {
  seed: string | number;
  episode: TSimulatedEpisode;
  /** Scenario time runs this many times faster than real time after `serverStartedAt` (default 1). */
  speed?: number;
  /** When acceleration begins; irrelevant at speed 1. Defaults to the episode start. */
  serverStartedAt?: Date;
}

/** Defaults for settings a row does not carry: a usual adult VA-ECMO run, a balloon at 1:1. */
const DEFAULT_SETTINGS = { rpm: 3200, sweep: 3, fdo2: 60 } as const;

/** Pure: binds a seed, an episode and a clock. The noise is keyed by seed and episode, so beds never share noise. */
export function createEpisodeSimulation({
  seed,
  episode,
  speed = 1,
  serverStartedAt = episode.startedAt,
}: CreateEpisodeSimulationOptions): TEpisodeSimulation {
  const { settings } = episode;
  return {
    episode,
    scenario: SCENARIOS[episode.scenario],
    context: {
      deviceType: episode.deviceType,
      settings: {
        rpm: settings.rpm ?? DEFAULT_SETTINGS.rpm,
        sweep: settings.sweep ?? DEFAULT_SETTINGS.sweep,
        fdo2: settings.fdo2 ?? DEFAULT_SETTINGS.fdo2,
        ratio: settings.ratio ? ratioToNumber(settings.ratio) : 1,
      },
    },
    clock: createScenarioClock({
      startedAt: episode.startedAt.getTime(),
      serverStartedAt: serverStartedAt.getTime(),
      speed,
    }),
    noise: createNoise(`${seed}|${episode.id}`),
    parameters: new Set(parametersFor(episode.deviceType).map((p) => p.code)),
    // Right femoral access is the usual default; only an explicit "left" moves the cannulated leg.
    cannulatedSide: /\bleft\b|\bgauche\b/i.test(episode.cannulationSite ?? "") ? "left" : "right",
  };
}
