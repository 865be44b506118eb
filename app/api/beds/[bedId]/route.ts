import { getBedDetail } from "@/lib/db/beds/get-bed-detail";
import { authorizeBed } from "@/lib/db/auth/authorize-request";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const { db } = await authorizeBed(request, "bed.view", bedId);
    const detail = await getBedDetail({ db, bedId });
    return Response.json(detail, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
