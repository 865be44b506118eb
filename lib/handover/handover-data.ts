import { z } from "zod";
import { ZDeviceType } from "@/lib/catalogue";
import { ZComparator } from "@/lib/observations/lab-result";

/**
 * What a handover sheet fills in by itself from the shift's data (the generated part of I-PASS). Computed live
 * while the sheet is a draft; frozen as this JSON in the sheet when the outgoing nurse signs, so that a signed sheet
 * shows what was handed over, whatever arrives later. Every value carries its time.
 */
export const ILLNESS_SEVERITIES = ["stable", "watcher", "unstable"] as const;
export const ZIllnessSeverity = z.enum(ILLNESS_SEVERITIES);
export type TIllnessSeverity = z.infer<typeof ZIllnessSeverity>;

const ZTimedValue = z.object({ value: z.number(), observedAt: z.number() });
const ZTargetStatus = z.enum(["in", "low", "high", "none"]);
/** A censored result keeps its comparator, a correction says so; both absent on sheets signed before issue 16. */
const ZLabPoint = ZTimedValue.extend({
  status: ZTargetStatus,
  comparator: ZComparator.optional(),
  corrected: z.boolean().optional(),
});

export const ZLabShiftSummary = z.object({
  code: z.string(),
  start: ZLabPoint.nullable(),
  end: ZLabPoint.nullable(),
  delta: z.number().nullable(),
  samplesInShift: z.number().int(),
  nextDueAt: z.number().nullable(),
});

export const ZTrendSummary = z.object({
  code: z.string(),
  first: ZTimedValue.nullable(),
  last: ZTimedValue.nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  count: z.number().int(),
});

export const ALARM_PRIORITIES = ["high", "medium", "low"] as const;
const ZAlarmItem = z.object({
  id: z.string(),
  priority: z.enum([...ALARM_PRIORITIES, "technical"]),
  /** The rule (lib/alarms) or outside raiser's id, and the numbers of its message (docs/alarms.md). */
  ruleId: z.string(),
  /**
   * The alarm's message under `alarms.message`, and an outside raiser's finding in each language: the sheet words an
   * alarm as the station does. Absent from sheets frozen before they were kept (toAlarmTextInput finds the key).
   */
  messageKey: z.string().optional(),
  summary: z.object({ en: z.string(), fr: z.string() }).nullable().optional(),
  parameter: z.string().nullable(),
  value: z.number().nullable(),
  limit: z.number().nullable(),
  comparison: z.string().nullable(),
  valueUnit: z.string().nullable(),
  raisedAt: z.number(),
  /** When it left the list (resolved) if that was before the end of the period covered; else null. */
  resolvedAt: z.number().nullable(),
  /** Its status at the end of the period covered: active | acknowledged | latched | resolved (docs/alarms.md). */
  status: z.string(),
});

/** A section fed by another feature is either there or says plainly why not: never a silent zero. */
const unavailable = z.object({ available: z.literal(false), reason: z.string() });

export const ZAlarmSection = z.discriminatedUnion("available", [
  unavailable,
  z.object({
    available: z.literal(true),
    /** Alarms raised during the period, by priority. */
    counts: z.object({
      high: z.number().int(),
      medium: z.number().int(),
      low: z.number().int(),
      technical: z.number().int(),
    }),
    raised: z.array(ZAlarmItem),
    active: z.array(ZAlarmItem),
  }),
]);
export type TAlarmSection = z.infer<typeof ZAlarmSection>;

export const ZRoundSection = z.discriminatedUnion("available", [
  unavailable,
  z.object({
    available: z.literal(true),
    done: z.number().int(),
    late: z.number().int(),
    /** Hourly rounds that had room and were not done. */
    missed: z.number().int(),
    /** No round of the shift covered the once-a-shift items. */
    shiftItemsMissed: z.boolean(),
    abnormal: z.array(
      z.object({
        roundId: z.string(),
        signedAt: z.number(),
        itemId: z.string(),
        label: z.object({ en: z.string(), fr: z.string() }),
        value: z.string(),
        comment: z.string().nullable(),
      }),
    ),
    /** When the next round is due, if the rounds feature says. */
    nextDueAt: z.number().nullable(),
  }),
]);
export type TRoundSection = z.infer<typeof ZRoundSection>;

export const ZProtocolTimer = z.discriminatedUnion("kind", [
  /** The balloon has been still since `since`: it must not stay still in the aorta > 20 min (docs/clinical-reference.md §3, §6). */
  z.object({ kind: z.literal("balloon_stopped"), since: z.number(), limitAt: z.number() }),
  /** Weaning by assist ratio: the current ratio and since when (a step every 1–6 h as tolerated, §6). */
  z.object({ kind: z.literal("ratio_step"), ratio: z.number().int(), since: z.number() }),
  /** Femoral VA-ECMO without any distal perfusion cannula flow recorded: DPC due within 6 h of cannulation (§6). */
  z.object({ kind: z.literal("dpc_missing"), dueAt: z.number() }),
  /** The next sample of a lab by its interval (§2). */
  z.object({ kind: z.literal("lab_due"), code: z.string(), dueAt: z.number(), lastAt: z.number() }),
]);
export type TProtocolTimer = z.infer<typeof ZProtocolTimer>;

/** The states of a protocol step not yet signed (lib/protocols/step-states.ts), as a signed sheet keeps them. */
export const PENDING_STEP_STATES = ["waiting", "pending", "due", "overdue"] as const;

/**
 * A step of a protocol plan under way (IABP weaning, limb checks and flat rest after removal, DPC within 6 h…) not yet
 * signed when the sheet was signed out, as it stood then. Not a `timer` above: those are read from the shift's data
 * (a balloon still, a lab due), these from the plans a nurse started and signs step by step (docs/protocols.md).
 * The protocol and step are lib/protocols' ids, kept as strings: a protocol a later version drops still reads.
 */
export const ZPendingProtocolStep = z.object({
  protocol: z.string(),
  stepId: z.string(),
  /** 1 except for a repeating check (the helium check's n-th). */
  occurrence: z.number().int(),
  state: z.enum(PENDING_STEP_STATES),
  /** When it may be done and when it is overdue; null while it waits for the step before it. */
  earliestAt: z.number().nullable(),
  latestAt: z.number().nullable(),
  /** The priority of the alarm it raises once overdue. */
  overduePriority: z.enum(["low", "medium"]),
});
export type TPendingProtocolStep = z.infer<typeof ZPendingProtocolStep>;

/** The stay's pending protocol steps at the sign-out (`at`), in the order the bed's panel lists them. */
export const ZPendingProtocolSteps = z.object({ at: z.number(), steps: z.array(ZPendingProtocolStep) });
export type TPendingProtocolSteps = z.infer<typeof ZPendingProtocolSteps>;

export const SEVERITY_REASON_CODES = [
  "lactate_high",
  "lactate_raised",
  "lactate_rising",
  "flow_low",
  "balloon_stopped",
  "map_low",
  "nirs_low",
  "nirs_asymmetry",
  "lab_out_of_target",
  "lab_overdue",
  "settings_changed",
  "high_alarm_active",
  "alarms_raised",
  "rounds_missed",
  "abnormal_findings",
  "no_finding",
] as const;
export const ZSeverityReason = z.object({
  code: z.enum(SEVERITY_REASON_CODES),
  /** The severity this reason alone points to. */
  level: ZIllnessSeverity,
  /** Values the sentence quotes (parameter code, value, time…), for the screens to format. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type TSeverityReason = z.infer<typeof ZSeverityReason>;

export const ZHandoverData = z.object({
  generatedAt: z.number(),
  /** The period the data covers: the shift's start to its end, or to now / the sign-out while it runs. */
  coversFrom: z.number(),
  coversUntil: z.number(),
  patient: z.object({
    initials: z.string(),
    identifier: z.string(),
    ageYears: z.number().int(),
    sex: z.string(),
    weightKg: z.number().nullable(),
  }),
  /**
   * The stay handed over (issue 15): since when the patient is in, and the last support if it has ended (a balloon
   * removed before or during the shift). Absent from sheets frozen before stays were handed over.
   */
  stay: z
    .object({
      admittedAt: z.number(),
      diagnosis: z.string().nullable(),
      lastSupport: z.object({ deviceType: ZDeviceType, startedAt: z.number(), endedAt: z.number() }).nullable(),
    })
    .optional(),
  /** The support running during the shift; null when none ran (admitted not yet cannulated, or after removal). */
  episode: z
    .object({
      id: z.string(),
      deviceType: ZDeviceType,
      startedAt: z.number(),
      /** Day 1 is the first 24 h on support. */
      dayOnSupport: z.number().int(),
      cannulationSite: z.string().nullable(),
      diagnosis: z.string().nullable(),
      /** IABP trigger as entered at insertion (not sent by the console). */
      trigger: z.string().nullable(),
    })
    .nullable(),
  settings: z.object({
    current: z.array(ZTimedValue.extend({ code: z.string() })),
    changes: z.array(z.object({ code: z.string(), from: z.number(), to: z.number(), at: z.number() })),
  }),
  labs: z.array(ZLabShiftSummary),
  trends: z.array(ZTrendSummary),
  alarms: ZAlarmSection,
  rounds: ZRoundSection,
  timers: z.array(ZProtocolTimer),
  /**
   * Written at the sign-out only, in the signature's transaction (lib/db/handover/sign-out-handover.ts): a draft lists
   * the bed's steps live instead. Absent from sheets signed before it was kept (issue 15, item 5), which then say so.
   */
  protocolSteps: ZPendingProtocolSteps.optional(),
  severity: z.object({ suggested: ZIllnessSeverity, reasons: z.array(ZSeverityReason) }),
});
export type THandoverData = z.infer<typeof ZHandoverData>;
