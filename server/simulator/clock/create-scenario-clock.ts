/**
 * Maps real time to scenario time (milliseconds since the episode start) and back.
 *
 * Time acceleration: before the server started, scenario time runs at real pace, so a backfilled day is a real
 * day. From the server's start on, it runs `speed` times faster. Device readings keep real timestamps at the real
 * cadence (the screens judge staleness from it); only what a reading *says* moves faster. Labs and hourly charting
 * are scheduled in scenario time, so their real intervals shrink by `speed`. A restart re-anchors the clock at the
 * new start: with speed > 1 the scenario falls back to where real time would have it (demo only; at speed 1 nothing
 * changes).
 */
export interface TScenarioClock {
  toScenario(realMs: number): number;
  toReal(scenarioMs: number): number;
}

export function createScenarioClock({
  startedAt,
  serverStartedAt,
  speed,
}: {
  startedAt: number;
  serverStartedAt: number;
  speed: number;
}): TScenarioClock {
  if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`speed must be a positive number, got ${speed}`);
  // An episode admitted after the server started is accelerated from its own start.
  const anchor = Math.max(startedAt, serverStartedAt);
  const anchorScenario = anchor - startedAt;
  return {
    toScenario: (realMs) => (realMs <= anchor ? realMs - startedAt : anchorScenario + (realMs - anchor) * speed),
    toReal: (scenarioMs) =>
      scenarioMs <= anchorScenario ? startedAt + scenarioMs : anchor + (scenarioMs - anchorScenario) / speed,
  };
}
