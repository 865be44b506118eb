import { BedView } from "@/components/bed/BedView";
import { getBedDetail } from "@/lib/server/beds/get-bed-detail";
import { getDb } from "@/lib/server/db/get-db";

export const dynamic = "force-dynamic";

export default async function BedPage({ params }: { readonly params: Promise<{ bedId: string }> }) {
  const { bedId } = await params;
  // Read here so that the panels come with the HTML and the trends' requests leave at hydration rather than after a
  // first round trip from the browser. Any failure (unknown bed included) is left to the client, which fetches,
  // retries and explains; from there the bed's socket sync keeps the detail current.
  const initialDetail = await getBedDetail({ db: await getDb(), bedId }).catch(() => undefined);
  return <BedView bedId={bedId} initialDetail={initialDetail} />;
}
