import { ZSignStepInput } from "@/lib/protocols/protocol-dtos";
import { planActionRoute } from "@/lib/db/protocols/plan-action-route";
import { signProtocolStep } from "@/lib/db/protocols/sign-protocol-step";

export const dynamic = "force-dynamic";

/** Signs a step of the plan as done: who (the session's user) and when. */
export const POST = planActionRoute(ZSignStepInput, signProtocolStep, 201);
