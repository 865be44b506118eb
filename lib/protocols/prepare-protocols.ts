import { splitDuration } from "@/lib/rounds/describe-answer";
import type { TProtocolPlanDto } from "./protocol-dtos";
import { protocolById, type TOverduePriority, type TProtocolId } from "./protocols";
import type { TStepFinding } from "./step-finding";
import { nextStep, stepStates, type TStepState } from "./step-states";

/** One step of one plan at a time, as the screens word it. */
export interface TPreparedStep {
  readonly timerId: string;
  readonly bedId: string;
  readonly bedLabel: string;
  readonly protocol: TProtocolId;
  readonly stepId: string;
  readonly occurrence: number;
  readonly kind: TStepState["kind"];
  /** pending: when it opens; due and overdue: its latest time; done: when it was done; waiting: null. */
  readonly at: number | null;
  /** pending and due: time left to `at`; overdue: time past it (whole minutes, split for display). */
  readonly duration: ReturnType<typeof splitDuration> | null;
  readonly overduePriority: TOverduePriority;
  readonly notBefore: boolean;
  readonly earliestAt: number | null;
  readonly done: TStepState["done"];
  /** A limb check signed: what was found, and the comment of an abnormal one; null otherwise. */
  readonly finding: { readonly value: TStepFinding; readonly comment: string | null } | null;
}

/** Every step of a plan at `now` (server time), in the protocol's order; empty for a protocol the code does not know. */
export function prepareSteps(plan: TProtocolPlanDto, now: number): TPreparedStep[] {
  const protocol = protocolById(plan.protocol);
  if (!protocol) return [];
  return stepStates(protocol, { anchorAt: plan.anchorAt, signatures: plan.signatures }, now).map((s) =>
    toPrepared(plan, s, now),
  );
}

/**
 * The tile's line per bed: the step to act on first among the bed's running plans (the most overdue, else the one due
 * soonest, else the next to open), and how many other steps are due or overdue on the bed.
 */
export function prepareTileSteps(
  plans: readonly TProtocolPlanDto[],
  now: number,
): Map<string, { readonly step: TPreparedStep; readonly others: number }> {
  const byBed = new Map<string, { step: TPreparedStep; others: number }>();
  const candidates = new Map<string, { plan: TProtocolPlanDto; state: TStepState }[]>();
  for (const plan of plans) {
    if (plan.status !== "active") continue;
    const protocol = protocolById(plan.protocol);
    if (!protocol) continue;
    const states = stepStates(protocol, { anchorAt: plan.anchorAt, signatures: plan.signatures }, now);
    const list = candidates.get(plan.bedId) ?? [];
    for (const state of states) list.push({ plan, state });
    candidates.set(plan.bedId, list);
  }
  for (const [bedId, list] of candidates) {
    const first = nextStep(list.map((c) => c.state));
    const chosen = list.find((c) => c.state === first);
    if (!chosen) continue;
    const acting = list.filter((c) => c.state.kind === "due" || c.state.kind === "overdue").length;
    const others = acting - (chosen.state.kind === "due" || chosen.state.kind === "overdue" ? 1 : 0);
    byBed.set(bedId, { step: toPrepared(chosen.plan, chosen.state, now), others });
  }
  return byBed;
}

/** The steps of running plans that ask for something now (due or overdue): the round checklist's protocol items. */
export function dueSteps(plans: readonly TProtocolPlanDto[], now: number): TPreparedStep[] {
  return runningSteps(plans, now).filter((s) => s.kind === "due" || s.kind === "overdue");
}

/** Every unsigned step of running plans (waiting included): the handover's pending tasks. */
export function openSteps(plans: readonly TProtocolPlanDto[], now: number): TPreparedStep[] {
  return runningSteps(plans, now).filter((s) => s.kind !== "done");
}

function runningSteps(plans: readonly TProtocolPlanDto[], now: number): TPreparedStep[] {
  return plans.filter((p) => p.status === "active").flatMap((p) => prepareSteps(p, now));
}

function toPrepared(plan: TProtocolPlanDto, s: TStepState, now: number): TPreparedStep {
  const at =
    s.kind === "done"
      ? (s.done?.at ?? null)
      : s.kind === "pending"
        ? s.earliestAt
        : s.kind === "waiting"
          ? null
          : s.latestAt;
  const duration =
    at === null || s.kind === "done" || s.kind === "waiting" ? null : splitDuration(Math.abs(at - now) / 60_000);
  return {
    timerId: plan.id,
    bedId: plan.bedId,
    bedLabel: plan.bedLabel,
    protocol: plan.protocol,
    stepId: s.stepId,
    occurrence: s.occurrence,
    kind: s.kind,
    at,
    duration,
    overduePriority: s.overduePriority,
    notBefore: s.notBefore,
    earliestAt: s.earliestAt,
    done: s.done,
    finding: findingOf(plan, s),
  };
}

function findingOf(plan: TProtocolPlanDto, s: TStepState): TPreparedStep["finding"] {
  if (s.kind !== "done") return null;
  const signature = plan.signatures.find((x) => x.stepId === s.stepId && x.occurrence === s.occurrence);
  if (!signature?.finding) return null;
  return { value: signature.finding, comment: signature.finding === "abnormal" ? signature.note : null };
}
