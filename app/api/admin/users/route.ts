import { ZCreateUser } from "@/lib/auth/schemas";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeAction } from "@/lib/db/auth/authorize-request";
import { NO_STORE, noStore } from "@/lib/http/no-store";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { createUser } from "@/lib/db/users/create-user";
import { listUsers } from "@/lib/db/users/list-users";

export const dynamic = "force-dynamic";

/** People's accounts (not wall screens), for the users page: admins only. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { db } = await authorizeAction(request, "user.manage");
    return Response.json({ users: await listUsers({ db }) }, { headers: NO_STORE });
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}

/** Creates a person's account with its role, units and initial password. */
export async function POST(request: Request): Promise<Response> {
  try {
    const { db, principal, context } = await authorizeAction(request, "user.manage");
    const input = await readJsonBody(request, ZCreateUser);
    const user = await createUser({ db, input, actor: actorOf(principal), context });
    return Response.json({ user }, { status: 201, headers: NO_STORE });
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
