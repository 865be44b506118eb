import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { AccessDenied } from "@/components/auth/AccessDenied";
import { BedView } from "@/components/bed/BedView";
import { Notice } from "@/components/ui/Notice";
import { authorizePage } from "@/lib/server/auth/authorize-page";
import { getPagePrincipal } from "@/lib/server/auth/get-page-principal";
import { getBedDetail } from "@/lib/server/beds/get-bed-detail";
import { getDb } from "@/lib/server/db/get-db";
import { getBedTrends } from "@/lib/server/series/get-bed-trends";
import { packTrends } from "@/lib/bed/pack-trends";
import { trendParametersFor } from "@/lib/bed/trend-charts";
import { DEFAULT_TREND_WINDOW, liveEdgeOf, PRELOAD_WIDTH, resolveWindow } from "@/lib/bed/trend-ranges";

export const dynamic = "force-dynamic";

/**
 * Streamed in two parts: the document's head (styles, scripts) and a loading notice leave at once, so that the
 * browser sets up the page and starts on the scripts while the server reads the bed; the bed follows in the same
 * response, drawn (docs/bed-view.md, first draw).
 */
export default async function BedPage({ params }: { readonly params: Promise<{ bedId: string }> }) {
  const { bedId } = await params;
  return (
    <Suspense fallback={<BedLoading />}>
      <BedRead bedId={bedId} />
    </Suspense>
  );
}

async function BedRead({ bedId }: { readonly bedId: string }) {
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
  const episode = initialDetail?.episode;
  let initialTrends;
  if (db && initialDetail && episode) {
    const { from } = resolveWindow(DEFAULT_TREND_WINDOW, { now: liveEdgeOf(initialDetail), episodeStart: episode.startedAt });
    const parameters = trendParametersFor(episode.deviceType);
    initialTrends = await getBedTrends({ db, bedId, query: { parameters, from: Math.floor(from), width: PRELOAD_WIDTH } }).catch(() => undefined);
  }
  return <BedView bedId={bedId} initialDetail={initialDetail} initialTrends={initialTrends && packTrends(initialTrends)} />;
}

function BedLoading() {
  const t = useTranslations("bed");
  return <Notice title={t("loading")} testId="bed-loading" />;
}
