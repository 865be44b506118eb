import { ZSignRoundInput } from "@/lib/rounds/round-dtos";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { assertBedAccess } from "@/lib/db/auth/authorize";
import { authorizeAction } from "@/lib/db/auth/authorize-request";
import { signRound } from "@/lib/db/rounds/sign-round";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** A checklist of 200 items with comments fits well within this. */
const MAX_BODY = 256 * 1024;

/**
 * Signs a round (201; 200 with status "duplicate" for a retried one, the tablet's own round id). The round, its
 * numbers and its DocumentChange commit together; the change feed tells the unit's screens, whoever serves this.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const { db, principal, context } = await authorizeAction(request, "checklist.sign");
    const input = await readJsonBody(request, ZSignRoundInput, MAX_BODY);
    // The bed is named in the body: its unit is checked once the body is read.
    await assertBedAccess({
      db,
      principal,
      action: "checklist.sign",
      bedId: input.bedId,
      context,
      via: "http POST /api/rounds",
    });
    const signed = await signRound({ db, input, actor: { ...actorOf(principal), userId: principal.userId }, context });
    return Response.json(
      { status: signed.status, round: signed.round },
      { status: signed.status === "stored" ? 201 : 200 },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
