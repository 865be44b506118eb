import type { TOverduePriority, TProtocol, TProtocolStep } from "./protocols";

/** A step signed: which occurrence (1 except for a repeating step), when it was done and by whom. */
export interface TStepSignature {
  readonly stepId: string;
  readonly occurrence: number;
  /** Epoch ms. */
  readonly doneAt: number;
  readonly signedBy: string;
}

/**
 * A step's state at a time: waiting for the step it follows (no time yet), pending (its window has not opened), due,
 * overdue (past its latest time, unsigned) or done.
 */
export type TStepStateKind = "waiting" | "pending" | "due" | "overdue" | "done";

export interface TStepState {
  readonly stepId: string;
  readonly occurrence: number;
  readonly kind: TStepStateKind;
  /** When this step's clock started (the plan's anchor, or the previous step's or occurrence's signature); null while waiting. */
  readonly anchorAt: number | null;
  /** Epoch ms; null while waiting. */
  readonly earliestAt: number | null;
  readonly latestAt: number | null;
  readonly notBefore: boolean;
  readonly overduePriority: TOverduePriority;
  readonly done: { readonly at: number; readonly by: string } | null;
}

/**
 * Each step's state at `now` (server time), in the protocol's order; a repeating step gives its signed occurrences and
 * then the next one. Pure: the same plan, signatures and clock give the same answer on the server (alarms), the
 * station and the tablet.
 */
export function stepStates(
  protocol: TProtocol,
  plan: { readonly anchorAt: number; readonly signatures: readonly TStepSignature[] },
  now: number,
): TStepState[] {
  const states: TStepState[] = [];
  const signedAt = new Map<string, number>();
  for (const step of protocol.steps) {
    const mine = plan.signatures.filter((s) => s.stepId === step.id).sort((a, b) => a.occurrence - b.occurrence);
    const anchor = step.after === null ? plan.anchorAt : (signedAt.get(step.after) ?? null);
    if (step.repeatEveryMs !== undefined) {
      let from = anchor;
      for (const s of mine) {
        states.push(doneState(step, s, from));
        from = s.doneAt;
      }
      states.push(openState(step, mine.length + 1, from, now));
      continue;
    }
    const signature = mine[0];
    if (signature) {
      signedAt.set(step.id, signature.doneAt);
      states.push(doneState(step, signature, anchor));
    } else {
      states.push(openState(step, 1, anchor, now));
    }
  }
  return states;
}

/** True once every step that does not repeat is signed: the plan is complete. */
export function isComplete(states: readonly TStepState[], protocol: TProtocol): boolean {
  const once = new Set(protocol.steps.filter((s) => s.repeatEveryMs === undefined).map((s) => s.id));
  return once.size > 0 && states.every((s) => !once.has(s.stepId) || s.kind === "done");
}

/**
 * The step a screen puts first: the most overdue, else the one due soonest, else the next to open; null when nothing
 * has a time (all done, or every open step waits for another).
 */
export function nextStep(states: readonly TStepState[]): TStepState | null {
  const timed = states.filter((s) => s.kind !== "done" && s.kind !== "waiting" && s.latestAt !== null);
  const rank = (s: TStepState) => (s.kind === "overdue" ? 0 : s.kind === "due" ? 1 : 2);
  return (
    [...timed].sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.kind === "pending" ? (a.earliestAt ?? 0) - (b.earliestAt ?? 0) : (a.latestAt ?? 0) - (b.latestAt ?? 0)),
    )[0] ?? null
  );
}

function openState(step: TProtocolStep, occurrence: number, anchor: number | null, now: number): TStepState {
  const base = common(step, occurrence, anchor);
  if (base.earliestAt === null || base.latestAt === null) return { ...base, kind: "waiting", done: null };
  const kind = now > base.latestAt ? "overdue" : now >= base.earliestAt ? "due" : "pending";
  return { ...base, kind, done: null };
}

function doneState(step: TProtocolStep, s: TStepSignature, anchor: number | null): TStepState {
  return { ...common(step, s.occurrence, anchor), kind: "done", done: { at: s.doneAt, by: s.signedBy } };
}

function common(step: TProtocolStep, occurrence: number, anchor: number | null) {
  return {
    stepId: step.id,
    occurrence,
    anchorAt: anchor,
    earliestAt: anchor === null ? null : anchor + step.earliestMs,
    latestAt: anchor === null ? null : anchor + step.latestMs,
    notBefore: step.notBefore ?? false,
    overduePriority: step.overduePriority,
  };
}

export type TSignCheck =
  | { readonly ok: true; readonly occurrence: number }
  | {
      readonly ok: false;
      readonly reason: "unknown-step" | "already-done" | "waiting" | "too-early" | "before-previous";
    };

/**
 * Whether a step may be signed as done at `doneAt`: the open occurrence of a known step, whose previous step is
 * signed, not done before that step was (nor before the plan's clock started), and, for a `notBefore` step, not
 * before its earliest time.
 */
export function checkSignable(states: readonly TStepState[], stepId: string, doneAt: number): TSignCheck {
  const mine = states.filter((s) => s.stepId === stepId);
  if (mine.length === 0) return { ok: false, reason: "unknown-step" };
  const open = mine.find((s) => s.kind !== "done");
  if (!open) return { ok: false, reason: "already-done" };
  if (open.kind === "waiting") return { ok: false, reason: "waiting" };
  if (open.notBefore && open.earliestAt !== null && doneAt < open.earliestAt) return { ok: false, reason: "too-early" };
  if (open.anchorAt !== null && doneAt < open.anchorAt) return { ok: false, reason: "before-previous" };
  return { ok: true, occurrence: open.occurrence };
}
