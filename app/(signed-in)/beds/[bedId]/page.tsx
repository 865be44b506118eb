import { AccessDenied } from "@/components/auth/AccessDenied";
import { BedView } from "@/components/bed/BedView";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { getBedDetail } from "@/lib/db/beds/get-bed-detail";
import { getDb } from "@/lib/db/get-db";
import { getBedTrends } from "@/lib/db/series/get-bed-trends";
import { bedScopeOf } from "@/lib/bed/bed-scope";
import { packTrends } from "@/lib/bed/pack-trends";
import { trendParametersFor } from "@/lib/bed/trend-charts";
import { DEFAULT_TREND_WINDOW, liveEdgeOf, PRELOAD_WIDTH, resolveWindow } from "@/lib/bed/trend-ranges";

export const dynamic = "force-dynamic";

/**
 * Not streamed: the page leaves once the bed and its default trends are read (~20-40 ms), drawn. A streamed loading
 * notice was tried first; React then reveals the bed no sooner than 300 ms after the notice's first frame (its
 * reveal throttle), which cost ~50-100 ms more than this (docs/bed-view.md, first draw).
 */
export default async function BedPage({ params }: { readonly params: Promise<{ bedId: string }> }) {
  const { bedId } = await params;
  const access = await authorizePage(await getPagePrincipal(), "bed.view", { bedId });
  // An unknown bed is left to the client, which explains it; a bed of another unit is refused here.
  if (!access.ok && access.reason !== "not-found") return <AccessDenied reason={access.reason} />;
  // Read here so that the panels come with the HTML and the trends' requests leave at hydration rather than after a
  // first round trip from the browser. Any failure (unknown bed included) is left to the client, which fetches,
  // retries and explains; from there the bed's socket sync keeps the detail current.
  const db = access.ok ? await getDb() : undefined;
  const initialDetail = db ? await getBedDetail({ db, bedId }).catch(() => undefined) : undefined;
  // The default window's trends too, so that the charts come drawn with the HTML (TrendSketch) before any script has
  // run; on failure the browser asks for them itself.
  // The running episode's, or the open stay's with no support running (bed-scope.ts).
  const scope = initialDetail && bedScopeOf(initialDetail);
  let initialTrends;
  if (db && initialDetail && scope) {
    const { from } = resolveWindow(DEFAULT_TREND_WINDOW, {
      now: liveEdgeOf(initialDetail),
      episodeStart: scope.since,
    });
    const parameters = trendParametersFor(scope.chartDeviceType);
    initialTrends = await getBedTrends({
      db,
      bedId,
      query: { parameters, from: Math.floor(from), width: PRELOAD_WIDTH },
    }).catch(() => undefined);
  }
  return (
    <BedView bedId={bedId} initialDetail={initialDetail} initialTrends={initialTrends && packTrends(initialTrends)} />
  );
}
