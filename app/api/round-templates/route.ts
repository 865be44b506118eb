import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeAction } from "@/lib/db/auth/authorize-request";
import { AppError } from "@/lib/errors/app-error";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { listRoundTemplates } from "@/lib/db/rounds/list-round-templates";
import { publishRoundTemplate } from "@/lib/db/rounds/publish-round-template";

export const dynamic = "force-dynamic";

/** Every published checklist version. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { db } = await authorizeAction(request, "bed.view");
    return Response.json({ templates: await listRoundTemplates({ db }) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** Publishes a new version of a device type's checklist (admins): checked whole, every issue named. */
export async function POST(request: Request): Promise<Response> {
  try {
    const { db, principal, context } = await authorizeAction(request, "checklist.publish");
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new AppError("INVALID_INPUT", "The request body is not JSON.");
    }
    const template = await publishRoundTemplate({ db, input: body, actor: actorOf(principal), context });
    return Response.json({ template }, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
