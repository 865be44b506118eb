import { AccessDenied } from "@/components/auth/AccessDenied";
import { HandoverReview } from "@/components/handover/HandoverReview";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { getDb } from "@/lib/db/get-db";
import { getHandoverSheet } from "@/lib/db/handover/get-handover-sheet";
import { listBedHandovers } from "@/lib/db/handover/list-bed-handovers";

/** A bed's past shifts (the physician's morning review) and, with ?a=…&b=…, two of them side by side. */
export default async function BedHandoverHistoryPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ bedId: string }>;
  readonly searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const { bedId } = await params;
  const { a, b } = await searchParams;
  const access = await authorizePage(await getPagePrincipal(), "handover.view", { bedId });
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  const db = await getDb();
  const shifts = await listBedHandovers({ db, bedId, days: 7 });
  const pick = (key: string | undefined) =>
    typeof key === "string" && shifts.some((s) => s.shiftKey === key)
      ? getHandoverSheet({ db, bedId, shiftKey: key })
      : null;
  const [left, right] = await Promise.all([pick(a), pick(b)]);
  const current = await getHandoverSheet({ db, bedId });
  return <HandoverReview bed={current.bed} shifts={shifts} compare={left && right ? [left, right] : null} />;
}
