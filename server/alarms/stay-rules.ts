import { applyLimitOverrides, type TLimitProvenance } from "@/lib/alarms/limit-overrides";
import type { TAlarmRule } from "@/lib/alarms/rule-schema";
import { findLimitOverrides, type TLimitOverrideRow } from "@/lib/db/alarms/find-limit-overrides";
import type { Db } from "@/lib/db/client";

/**
 * The alarm engine's rules as they apply to one stay: the rule set with its unit's limits, and its running episode's
 * (a patient's limits are set on their support). The overrides are few and append-only, held in the process and read
 * again only when their count changes.
 */
export class StayRules {
  private overrides: TLimitOverrideRow[] = [];
  private overrideCount = -1;

  constructor(
    private readonly db: Db,
    private readonly rules: readonly TAlarmRule[],
  ) {}

  for(stay: { readonly unitId: string; readonly episodeId: string | null }): {
    rules: TAlarmRule[];
    provenance: Map<string, TLimitProvenance>;
  } {
    const mine = this.overrides.filter(
      (o) =>
        (o.scope === "unit" && o.unitId === stay.unitId) ||
        (o.scope === "episode" && stay.episodeId !== null && o.episodeId === stay.episodeId),
    );
    return applyLimitOverrides(this.rules, mine);
  }

  /** Reads the overrides again if their count changed, or always when `force` (one was just stored). */
  async refresh(force = false): Promise<void> {
    const count = await this.db.alarmLimitOverride.count();
    if (!force && count === this.overrideCount) return;
    this.overrides = await findLimitOverrides({ db: this.db });
    this.overrideCount = count;
  }
}
