import { AccessDenied } from "@/components/auth/AccessDenied";
import { ImportPage } from "@/components/import/ImportPage";
import { authorizePage } from "@/lib/server/auth/authorize-page";
import { getPagePrincipal } from "@/lib/server/auth/get-page-principal";

export default async function ImportRoute() {
  const access = await authorizePage(await getPagePrincipal(), "import.view");
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  return <ImportPage />;
}
