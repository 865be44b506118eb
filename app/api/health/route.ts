import { getDb } from "@/lib/db/get-db";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: answers 200 when the database answers. */
export async function GET(): Promise<Response> {
  try {
    const db = await getDb();
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok", at: new Date().toISOString() }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
