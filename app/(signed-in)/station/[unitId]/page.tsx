import { AccessDenied } from "@/components/auth/AccessDenied";
import { CentralStation } from "@/components/station/CentralStation";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";

export default async function StationPage({ params }: { readonly params: Promise<{ unitId: string }> }) {
  const { unitId } = await params;
  const access = await authorizePage(await getPagePrincipal(), "station.view", { unitId });
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  return <CentralStation unitId={unitId} />;
}
