import { AccessDenied } from "@/components/auth/AccessDenied";
import { RoundTemplatesPage } from "@/components/rounds/RoundTemplatesPage";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";

export const dynamic = "force-dynamic";

export default async function RoundTemplatesRoute() {
  const access = await authorizePage(await getPagePrincipal(), "checklist.publish");
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  return <RoundTemplatesPage />;
}
