import { ZStartSupport } from "@/lib/stays/stay";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { startEpisode } from "@/lib/db/stays/start-episode";
import { getBedStay, openStayOf } from "@/lib/db/stays/get-bed-stay";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** Starts VA-ECMO or IABP for the bed's patient (episode.manage). */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context } = await authorizeBed(request, "episode.manage", bedId);
    const body = await readJsonBody(request, ZStartSupport);
    const { id } = openStayOf(await getBedStay({ db, bedId }));
    const result = await startEpisode({ db, input: { ...body, stayId: id }, actor: actorOf(principal), context });
    return Response.json(result ?? { ok: true }, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
