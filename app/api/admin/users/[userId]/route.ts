import { ZUpdateUser } from "@/lib/auth/schemas";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeAction } from "@/lib/db/auth/authorize-request";
import { NO_STORE, noStore } from "@/lib/http/no-store";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { updateUser } from "@/lib/db/users/update-user";

export const dynamic = "force-dynamic";

/** Changes a person's name, role, units or active state (the operation ends their sessions when rights change). */
export async function PATCH(request: Request, { params }: { params: Promise<{ userId: string }> }): Promise<Response> {
  try {
    const { userId } = await params;
    const { db, principal, context } = await authorizeAction(request, "user.manage");
    const changes = await readJsonBody(request, ZUpdateUser);
    const user = await updateUser({ db, userId, changes, actor: actorOf(principal), context });
    return Response.json({ user }, { headers: NO_STORE });
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
