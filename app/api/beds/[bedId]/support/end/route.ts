import { ZEndSupport } from "@/lib/stays/stay";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { endEpisode } from "@/lib/db/stays/end-episode";
import { getBedStay, runningEpisodeOf } from "@/lib/db/stays/get-bed-stay";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** Ends the bed's running support with its reason (episode.manage). */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context } = await authorizeBed(request, "episode.manage", bedId);
    const body = await readJsonBody(request, ZEndSupport);
    const { id } = runningEpisodeOf(await getBedStay({ db, bedId }));
    const result = await endEpisode({ db, input: { ...body, episodeId: id }, actor: actorOf(principal), context });
    return Response.json(result ?? { ok: true }, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
