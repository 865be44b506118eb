import { DEFAULT_ALARM_RULES } from "@/lib/alarms/default-alarm-rules";
import { recordAcknowledgement } from "@/lib/alarms/record-acknowledgement";
import type { TChange } from "@/lib/changes/change";
import type { TCommittedObservation } from "@/lib/observations/observation";
import { loadAlarmEnginePosition, saveAlarmEnginePosition } from "@/lib/db/alarms/alarm-engine-position";
import { getChangeCursor } from "@/lib/db/changes/get-change-cursor";
import { announceCommit } from "@/lib/db/changes/announce-commit";
import type { TStayReading } from "@/lib/db/alarms/find-stay-readings-since";
import { listMonitoredStays, type TMonitoredStay } from "@/lib/db/alarms/list-monitored-stays";
import { syncProtocolAlarms } from "@/lib/db/protocols/sync-protocol-alarms";
import { endLapsedAlarms } from "./end-lapsed-alarms";
import { persistTransitions } from "./persist-transitions";
import { saveCheckpoint } from "./save-checkpoint";
import { splitBatch } from "./split-batch";
import { StayRules } from "./stay-rules";
import type { AlarmEngineOptions } from "./engine-options";
import { judgeStayReadings } from "./judge-stay-readings";
import { rebuildStayMemory } from "./rebuild-stay-memory";
import { followStay, hasWrites, judgeClock, type TStayMemory } from "./stay-memory";
import { yieldToEventLoop } from "./yield-to-event-loop";
import { withdrawReplacedResults } from "./withdraw-replaced-results";

/** Absence, staleness, pump-stop and protocol-step timers are judged this often. */
export const ALARM_TICK_MS = 5_000;
/** A stay's evaluator state is stored at least this often, so that a restart replays little. */
const CHECKPOINT_MS = 30_000;
/**
 * Readings waiting to be judged beyond which the engine holds the change feed back: an import of a million readings
 * committed by the CLI is read by the feed faster than it is judged, and would otherwise wait here in memory.
 */
const MAX_WAITING_READINGS = 50_000;
/**
 * After a start the clock waits this long before judging absences: the producers (device gateways, the simulator's
 * backfill, importers) first deliver what they hold, which an "overdue" judged at once would call missing. A feed
 * that stays silent is reported this much later than in steady running.
 */
export const STARTUP_GRACE_MS = 60_000;

/**
 * Drives the pure evaluator of lib/alarms from the change feed: every committed reading of a stay is judged, whoever
 * wrote it (after commit, in commit order, one batch at a time), with or without support running (issue 15: the rules
 * in force follow what runs, stay-memory.ts), and a clock judges what time alone can raise. Alarms, their
 * log, their audit and the evaluator state are written in one transaction, so that a restart resumes from the stored
 * state and replays only the readings after it; the feed then tells the screens from the log.
 */
export class AlarmEngine {
  /** By stay id. */
  private readonly memory = new Map<string, TStayMemory>();
  private readonly rules: StayRules;
  private readonly now: () => Date;
  private queue: TCommittedObservation[] = [];
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;
  private lastCheckpoint = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /**
   * The last Observation seq of the feed the engine has judged (every stay), and the one stored: the engine's
   * change feed resumes after the stored one (resumePosition), so that nothing committed while the station was down
   * goes unjudged.
   */
  private judgedThrough = 0;
  private savedThrough = 0;
  /** The clock judges nothing before then (STARTUP_GRACE_MS after the start). */
  private readonly graceUntil: number;

  constructor(private readonly options: AlarmEngineOptions) {
    this.rules = new StayRules(options.db, options.rules ?? DEFAULT_ALARM_RULES);
    this.now = options.now ?? (() => new Date());
    this.graceUntil = this.now().getTime() + (options.startupGraceMs ?? STARTUP_GRACE_MS);
  }

  /**
   * Where the engine's change feed starts in the Observation log: after the last reading the engine judged, as
   * stored. On a database that has no stored position yet (the first start), the newest reading: history is then
   * judged as each stay is met (recall).
   */
  async resumePosition(): Promise<number> {
    const stored = await loadAlarmEnginePosition({ db: this.options.db });
    const newest = (await getChangeCursor({ db: this.options.db })).observation;
    // Never past the newest reading (a database restored from an older copy): readings would be passed over.
    const position = stored === undefined ? newest : Math.min(stored, newest);
    if (stored === undefined)
      await saveAlarmEnginePosition({ db: this.options.db, observationSeq: position, now: this.now() });
    this.judgedThrough = this.savedThrough = position;
    return position;
  }

  /**
   * The change feed's subscriber: committed readings are queued for judgement (the feed goes on at once, unless the
   * engine is far behind), and an acknowledgement of an engine alarm, made on any screen, is noted.
   */
  onChanges(changes: readonly TChange[]): Promise<void> | undefined {
    const readings: TCommittedObservation[] = [];
    for (const c of changes) {
      if (c.log === "observation") readings.push(c.observation);
      else if (c.log === "alarm" && c.event.type === "acknowledged" && c.event.alarm?.origin === "engine") {
        this.noteAcknowledged(c.event.alarm.stayId, c.event.alarm.ruleId, c.event.at);
      }
    }
    if (readings.length > 0) this.judgeCommitted(readings);
    return this.queue.length > MAX_WAITING_READINGS ? this.idle() : undefined;
  }

  /** Never blocks the feed; readings wait for the batch being judged. */
  private judgeCommitted(observations: readonly TCommittedObservation[]): void {
    if (this.stopped) return;
    for (const o of observations) this.queue.push(o);
    if (this.scheduled) return;
    this.scheduled = true;
    void this.enqueue(async () => {
      this.scheduled = false;
      const batch = this.queue;
      this.queue = [];
      await this.judgeReadings(batch);
    });
  }

  /** Someone acknowledged an engine alarm (on any screen): the evaluator must know, or it would latch it again. */
  noteAcknowledged(stayId: string, ruleId: string, at: number): void {
    void this.enqueue(async () => {
      const memory = this.memory.get(stayId);
      if (!memory) return;
      const { state } = recordAcknowledgement({ state: memory.state, ruleId, at });
      memory.state = state;
      memory.dirty = true;
      await Promise.resolve();
    });
  }

  /** Judges the timers of every stay under way now; the clock calls it every ALARM_TICK_MS. */
  tick(): Promise<void> {
    return this.enqueue(() => this.judgeTimers());
  }

  /** A limit override was stored: the next judgement uses it. */
  reloadLimits(): Promise<void> {
    return this.enqueue(() => this.rules.refresh(true));
  }

  start(tickMs = ALARM_TICK_MS): void {
    this.timer = setInterval(() => void this.tick(), tickMs);
    this.timer.unref();
  }

  /** Resolves when everything queued so far has been judged and written. */
  idle(): Promise<void> {
    return this.enqueue(() => Promise.resolve());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.idle();
    await this.enqueue(() => this.checkpoint(true));
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.chain
      .then(work)
      .catch((error: unknown) => this.options.log.error("alarm engine: judgement failed", error));
    this.chain = run;
    return run;
  }

  private async judgeReadings(batch: readonly TCommittedObservation[]): Promise<void> {
    if (batch.length === 0) return;
    await this.rules.refresh();
    const { byStay, withdrawals } = splitBatch(batch);
    const changed: TStayMemory[] = [];
    // The feed hands pages in seq order: once this batch is judged, so is everything before its last reading.
    const through = batch[batch.length - 1]?.seq ?? 0;
    for (const [stayId, readings] of byStay) {
      const memory = await this.recall(stayId);
      if (!memory) continue;
      const fresh = readings.filter((r) => r.seq > memory.lastSeq);
      // A reading of a support the memory does not know yet (started since the last tick): what runs is read again,
      // so that the new device's rules judge it from its first reading.
      if (fresh.some((r) => r.episodeId !== null && r.episodeId !== memory.episodeId)) await this.refollow(memory);
      const again = await withdrawReplacedResults({
        db: this.options.db,
        memory,
        rules: this.rules.for(memory).rules,
        withdrawals: withdrawals.get(stayId) ?? [],
        judgedNow: new Set(fresh.map((r) => r.parameter)),
        at: this.now().getTime(),
      });
      if (fresh.length === 0 && again.length === 0 && !hasWrites(memory)) continue;
      if (fresh.length + again.length > 0) await this.judge(memory, [...again, ...fresh]);
      // One stay at a time: the heartbeats and the writer's commits go on between them.
      await yieldToEventLoop();
      if (hasWrites(memory)) changed.push(memory);
    }
    if (through > this.judgedThrough) this.judgedThrough = through;
    await this.persist(changed);
  }

  private judge(memory: TStayMemory, readings: readonly TStayReading[]): Promise<void> {
    const { rules } = this.rules.for(memory);
    return judgeStayReadings({ db: this.options.db, memory, rules, readings, wallClock: this.now().getTime() });
  }

  private async judgeTimers(): Promise<void> {
    const now = this.now();
    if (now.getTime() < this.graceUntil) return;
    await this.rules.refresh();
    await endLapsedAlarms({ db: this.options.db, now, fence: this.options.fence });
    const changed: TStayMemory[] = [];
    const open = await listMonitoredStays({ db: this.options.db });
    // A stay no longer open (discharged) is forgotten: nothing of it is judged any more.
    const openIds = new Set(open.map((s) => s.id));
    for (const id of this.memory.keys()) if (!openIds.has(id)) this.memory.delete(id);
    for (const stay of open) {
      const memory = await this.recall(stay.id, stay);
      if (!memory) continue;
      // What runs now: the heparin run as the settings say (a rate stopped on the stay panel ends the anti-Xa timer
      // at this tick), the bed after a move, and a support ended or started (its rules' alarms end with it).
      followStay(memory, stay, this.rules.for(memory).rules);
      if (memory.catchingUpUntil > now.getTime()) {
        if (hasWrites(memory)) changed.push(memory);
        continue;
      }
      judgeClock(memory, this.rules.for(memory).rules, now.getTime());
      if (hasWrites(memory)) changed.push(memory);
    }
    await this.persist(changed);
    // Protocol steps a nurse started (lib/protocols) are judged on the same clock; their alarms are raised like a
    // round finding's, by their own rule, and cleared by the step's signature.
    if ((await syncProtocolAlarms({ db: this.options.db, now })) > 0) announceCommit(this.options.db);
    await this.checkpoint(false);
  }

  /** Writes the transitions of these stays with their states, a transaction per stay, then wakes the change feed. */
  private async persist(changed: readonly TStayMemory[]): Promise<void> {
    if (changed.length === 0) return;
    const through = this.judgedThrough;
    await persistTransitions({
      db: this.options.db,
      fence: this.options.fence,
      changed,
      provenanceOf: (memory) => this.rules.for(memory).provenance,
      judgedThrough: through,
      now: this.now(),
    });
    this.savedThrough = through;
  }

  private async checkpoint(force: boolean): Promise<void> {
    const now = this.now();
    if (!force && now.getTime() - this.lastCheckpoint < CHECKPOINT_MS) return;
    this.lastCheckpoint = now.getTime();
    const dirty = [...this.memory.values()].filter((m) => m.dirty);
    if (dirty.length === 0 && this.judgedThrough === this.savedThrough) return;
    const through = this.judgedThrough;
    await saveCheckpoint({ db: this.options.db, fence: this.options.fence, dirty, through, now });
    this.savedThrough = through;
    for (const memory of dirty) memory.dirty = false;
  }

  /**
   * The stay's memory: in the process, else its stored state plus the readings committed after it (a restart), else
   * rebuilt from its recent history (a stay the engine has never seen). Undefined for a stay that is not open (a
   * reading of a discharged stay judged after the discharge: its alarms have ended).
   */
  private async recall(stayId: string, known?: TMonitoredStay): Promise<TStayMemory | undefined> {
    const held = this.memory.get(stayId);
    if (held) return held;
    const stay = known ?? (await listMonitoredStays({ db: this.options.db, stayId }))[0];
    if (!stay) return undefined;
    const memory = await rebuildStayMemory({
      db: this.options.db,
      stay,
      now: this.now().getTime(),
      // A stored state may hold the rules of a support that ended while the station was down: they end first.
      prepare: (m) => followStay(m, stay, this.rules.for(m).rules),
      judge: (m, readings) => this.judge(m, readings),
    });
    this.memory.set(stayId, memory);
    return memory;
  }

  /** Reads again what runs in a stay now and brings its memory to it (stay-memory.ts followStay). */
  private async refollow(memory: TStayMemory): Promise<void> {
    const [stay] = await listMonitoredStays({ db: this.options.db, stayId: memory.id });
    if (stay) followStay(memory, stay, this.rules.for(memory).rules);
  }
}
