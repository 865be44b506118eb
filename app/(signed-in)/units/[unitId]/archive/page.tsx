import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/auth/AccessDenied";
import { StayArchive } from "@/components/stays/StayArchive";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { getDb } from "@/lib/db/get-db";
import { searchArchivedStays } from "@/lib/db/stays/search-archived-stays";

/** The unit's discharged stays: the most recent, or those whose MRN or name holds ?q= (2 characters at least). */
export default async function StayArchivePage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ unitId: string }>;
  readonly searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { unitId } = await params;
  const access = await authorizePage(await getPagePrincipal(), "stay.view", { unitId });
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  const db = await getDb();
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, timeZone: true } });
  if (!unit) notFound();
  const asked = (await searchParams).q;
  const q = typeof asked === "string" ? asked.trim().slice(0, 80) : null;
  const stays = await searchArchivedStays({ db, unitId, q: q !== null && q.length >= 2 ? q : "" });
  return <StayArchive unit={unit} q={q} stays={stays} />;
}
