import { AccessDenied } from "@/components/auth/AccessDenied";
import { HandoverSheetPage } from "@/components/handover/HandoverSheetPage";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";

export default async function BedHandoverPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ bedId: string }>;
  readonly searchParams: Promise<{ shift?: string }>;
}) {
  const { bedId } = await params;
  const { shift } = await searchParams;
  const access = await authorizePage(await getPagePrincipal(), "handover.view", { bedId });
  if (!access.ok && access.reason !== "not-found") return <AccessDenied reason={access.reason} />;
  return <HandoverSheetPage bedId={bedId} shiftKey={typeof shift === "string" ? shift : undefined} />;
}
