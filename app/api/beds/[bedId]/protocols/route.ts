import { ZStartProtocolInput } from "@/lib/protocols/protocol-dtos";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { getBedProtocols } from "@/lib/db/protocols/get-bed-protocols";
import { startProtocol } from "@/lib/db/protocols/start-protocol";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** The bed's protocol panel: its plans and which protocols may be started. */
export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db } = await authorizeBed(request, "bed.view", bedId);
    return Response.json(await getBedProtocols({ db, bedId }), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** Starts a protocol on the bed's patient (lib/auth/permissions.ts: protocol.run). */
export async function POST(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db, principal, context } = await authorizeBed(request, "protocol.run", bedId);
    const input = await readJsonBody(request, ZStartProtocolInput);
    const plan = await startProtocol({
      db,
      bedId,
      input,
      actor: { ...actorOf(principal), userId: principal.userId },
      context,
    });
    return Response.json(plan, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
