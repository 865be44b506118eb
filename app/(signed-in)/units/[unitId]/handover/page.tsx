import { AccessDenied } from "@/components/auth/AccessDenied";
import { UnitHandoverPage } from "@/components/handover/UnitHandoverPage";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";

export default async function UnitHandoverRoute({
  params,
  searchParams,
}: {
  readonly params: Promise<{ unitId: string }>;
  readonly searchParams: Promise<{ shift?: string }>;
}) {
  const { unitId } = await params;
  const { shift } = await searchParams;
  const access = await authorizePage(await getPagePrincipal(), "handover.view", { unitId });
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  return <UnitHandoverPage unitId={unitId} shiftKey={typeof shift === "string" ? shift : undefined} />;
}
