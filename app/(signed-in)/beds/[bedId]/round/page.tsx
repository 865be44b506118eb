import { AccessDenied } from "@/components/auth/AccessDenied";
import { RoundForm } from "@/components/rounds/RoundForm";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";

export const dynamic = "force-dynamic";

export default async function BedRoundPage({ params }: { readonly params: Promise<{ bedId: string }> }) {
  const { bedId } = await params;
  const access = await authorizePage(await getPagePrincipal(), "bed.view", { bedId });
  if (!access.ok && access.reason !== "not-found") return <AccessDenied reason={access.reason} />;
  return <RoundForm bedId={bedId} />;
}
