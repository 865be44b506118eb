import type { TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import { protocolById } from "@/lib/protocols/protocols";
import { STEP_FINDINGS, type TStepFinding } from "@/lib/protocols/step-finding";
import type { TStepSignature } from "@/lib/protocols/step-states";
import type { Prisma } from "../generated/client";

/** What a plan's DTO and its step states need, in one read. */
export const PLAN_SELECT = {
  id: true,
  unitId: true,
  bedId: true,
  episodeId: true,
  protocol: true,
  version: true,
  anchorAt: true,
  startedAt: true,
  status: true,
  endedAt: true,
  cancelReason: true,
  startedBy: { select: { displayName: true } },
  episode: { select: { endedAt: true, bed: { select: { label: true } } } },
  signatures: {
    select: {
      stepId: true,
      occurrence: true,
      doneAt: true,
      finding: true,
      note: true,
      signedBy: { select: { displayName: true } },
    },
    orderBy: [{ doneAt: "asc" }, { occurrence: "asc" }],
  },
} satisfies Prisma.ProtocolTimerSelect;

export type TPlanRow = Prisma.ProtocolTimerGetPayload<{ select: typeof PLAN_SELECT }>;

/** A plan for the screens; null for a protocol this version of the code does not know (never shown half-understood). */
export function toPlanDto(row: TPlanRow): TProtocolPlanDto | null {
  const protocol = protocolById(row.protocol);
  if (!protocol) return null;
  return {
    id: row.id,
    unitId: row.unitId,
    bedId: row.bedId,
    bedLabel: row.episode.bed.label,
    episodeId: row.episodeId,
    episodeEnded: row.episode.endedAt !== null,
    protocol: protocol.id,
    version: row.version,
    anchorAt: row.anchorAt.getTime(),
    startedAt: row.startedAt.getTime(),
    startedBy: row.startedBy.displayName,
    status: row.status,
    endedAt: row.endedAt?.getTime() ?? null,
    cancelReason: row.cancelReason,
    signatures: row.signatures.map((s) => ({
      stepId: s.stepId,
      occurrence: s.occurrence,
      doneAt: s.doneAt.getTime(),
      signedBy: s.signedBy.displayName,
      finding: toFinding(s.finding),
      note: s.note,
    })),
  };
}

/** A stored finding; a value this version does not know (none is written but "normal" and "abnormal") reads as none. */
function toFinding(stored: string | null): TStepFinding | null {
  return STEP_FINDINGS.find((f) => f === stored) ?? null;
}

/** The plan as lib/protocols' step states read it. */
export function planClock(plan: TProtocolPlanDto): { anchorAt: number; signatures: TStepSignature[] } {
  return { anchorAt: plan.anchorAt, signatures: plan.signatures };
}
