import { ZResetPassword } from "@/lib/auth/schemas";
import { actorOf } from "@/lib/db/audit/record-audit-event";
import { authorizeAction } from "@/lib/db/auth/authorize-request";
import { NO_STORE, noStore } from "@/lib/http/no-store";
import { readJsonBody } from "@/lib/http/read-json-body";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { resetPassword } from "@/lib/db/users/reset-password";

export const dynamic = "force-dynamic";

/** Sets a new password typed by an admin; the user's sessions end. Answers nothing: the password is never echoed. */
export async function POST(request: Request, { params }: { params: Promise<{ userId: string }> }): Promise<Response> {
  try {
    const { userId } = await params;
    const { db, principal, context } = await authorizeAction(request, "user.manage");
    const { password } = await readJsonBody(request, ZResetPassword);
    await resetPassword({ db, userId, password, actor: actorOf(principal), context });
    return new Response(null, { status: 204, headers: NO_STORE });
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
}
