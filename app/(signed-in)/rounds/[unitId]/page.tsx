import { AccessDenied } from "@/components/auth/AccessDenied";
import { RoundsPage } from "@/components/rounds/RoundsPage";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";

export const dynamic = "force-dynamic";

export default async function UnitRoundsPage({ params }: { readonly params: Promise<{ unitId: string }> }) {
  const { unitId } = await params;
  const access = await authorizePage(await getPagePrincipal(), "bed.view", { unitId });
  if (!access.ok && access.reason !== "not-found") return <AccessDenied reason={access.reason} />;
  return <RoundsPage unitId={unitId} />;
}
