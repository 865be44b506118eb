import type { TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import { protocolById } from "@/lib/protocols/protocols";
import { stepStates } from "@/lib/protocols/step-states";
import type { TPendingProtocolStep, TPendingProtocolSteps } from "./handover-data";

/**
 * The pending protocol steps a signed sheet keeps: every unsigned step of the plans under way at `at` (the sign-out),
 * the ones the draft lists live (ProtocolStepList, which="open": lib/protocols' openSteps), with the times they had
 * then. Read from the step states rather than the screens' prepared steps, which keep one time per step and the
 * sheet wants both ends of a step's window.
 */
export function toPendingProtocolSteps(plans: readonly TProtocolPlanDto[], at: number): TPendingProtocolSteps {
  const steps: TPendingProtocolStep[] = [];
  for (const plan of plans) {
    const protocol = plan.status === "active" ? protocolById(plan.protocol) : null;
    if (!protocol) continue;
    for (const s of stepStates(protocol, { anchorAt: plan.anchorAt, signatures: plan.signatures }, at)) {
      if (s.kind === "done") continue;
      steps.push({
        protocol: plan.protocol,
        stepId: s.stepId,
        occurrence: s.occurrence,
        state: s.kind,
        earliestAt: s.earliestAt,
        latestAt: s.latestAt,
        overduePriority: s.overduePriority,
      });
    }
  }
  return { at, steps };
}
