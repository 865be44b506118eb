import type { z } from "zod";
import type { TProtocolPlanDto } from "@/lib/protocols/protocol-dtos";
import { actorOf, type TRequestContext } from "../audit/record-audit-event";
import { authorizeBed } from "../auth/authorize-request";
import type { Db } from "../client";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";
import type { TPlanActor } from "./change-running-plan";

type TPlanParams = { params: Promise<{ bedId: string; timerId: string }> };

/**
 * The POST handler of an action on one running plan (…/protocols/[timerId]/steps, …/cancel): the bed is authorised
 * for `protocol.run`, the body read with the action's schema, and the plan as it then stands answered.
 */
export function planActionRoute<TInput>(
  schema: z.ZodType<TInput>,
  operation: (args: {
    db: Db;
    bedId: string;
    timerId: string;
    input: TInput;
    actor: TPlanActor;
    context: TRequestContext | null;
  }) => Promise<TProtocolPlanDto>,
  status: 200 | 201,
) {
  return async function POST(request: Request, { params }: TPlanParams): Promise<Response> {
    try {
      const { bedId, timerId } = await params;
      const { db, principal, context } = await authorizeBed(request, "protocol.run", bedId);
      const input = await readJsonBody(request, schema);
      const actor = { ...actorOf(principal), userId: principal.userId };
      const plan = await operation({ db, bedId, timerId, input, actor, context });
      return Response.json(plan, { status });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
