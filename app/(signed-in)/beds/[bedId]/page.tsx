import { AccessDenied } from "@/components/auth/AccessDenied";
import { BedView } from "@/components/bed/BedView";
import { authorizePage } from "@/lib/server/auth/authorize-page";
import { getPagePrincipal } from "@/lib/server/auth/get-page-principal";
import { getBedDetail } from "@/lib/server/beds/get-bed-detail";
import { getDb } from "@/lib/server/db/get-db";

export const dynamic = "force-dynamic";

export default async function BedPage({ params }: { readonly params: Promise<{ bedId: string }> }) {
  const { bedId } = await params;
  const access = await authorizePage(await getPagePrincipal(), "bed.view", { bedId });
  // An unknown bed is left to the client, which explains it; a bed of another unit is refused here.
  if (!access.ok && access.reason !== "not-found") return <AccessDenied reason={access.reason} />;
  // Read here so that the panels come with the HTML and the trends' requests leave at hydration rather than after a
  // first round trip from the browser. Any failure (unknown bed included) is left to the client, which fetches,
  // retries and explains; from there the bed's socket sync keeps the detail current.
  const initialDetail = access.ok ? await getBedDetail({ db: await getDb(), bedId }).catch(() => undefined) : undefined;
  return <BedView bedId={bedId} initialDetail={initialDetail} />;
}
