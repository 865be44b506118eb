import { getBedDetail } from "@/lib/server/beds/get-bed-detail";
import { getDb } from "@/lib/server/db/get-db";
import { toErrorResponse } from "@/lib/server/http/to-error-response";

export const dynamic = "force-dynamic";

// No access check yet: the station has no accounts (the auth issue adds them); same as the station's routes.
export async function GET(_request: Request, { params }: { params: Promise<{ bedId: string }> }): Promise<Response> {
  try {
    const { bedId } = await params;
    const detail = await getBedDetail({ db: await getDb(), bedId });
    return Response.json(detail, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
