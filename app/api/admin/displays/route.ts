import { ZCreateDisplay } from "@/lib/auth/schemas";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeAction } from "@/lib/db/auth/authorize-request";
import { createDisplay } from "@/lib/db/displays/create-display";
import { listDisplays } from "@/lib/db/displays/list-displays";
import { NO_STORE, noStore } from "@/lib/http/no-store";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";

export const dynamic = "force-dynamic";

/** The wall screens, for the displays page: admins only. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { db } = await authorizeAction(request, "display.manage");
    return Response.json({ displays: await listDisplays({ db }) }, { headers: NO_STORE });
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}

/** Creates a wall screen for a unit and answers its first one-time pairing code (shown once, stored hashed). */
export async function POST(request: Request): Promise<Response> {
  try {
    const { db, principal, context } = await authorizeAction(request, "display.manage");
    const input = await readJsonBody(request, ZCreateDisplay);
    const issued = await createDisplay({ db, input, actor: actorOf(principal), context });
    return Response.json(issued, { status: 201, headers: NO_STORE });
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
