import { AccessDenied } from "@/components/auth/AccessDenied";
import { ImportPage } from "@/components/imports/ImportPage";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";

export default async function ImportRoute() {
  const access = await authorizePage(await getPagePrincipal(), "import.view");
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  return <ImportPage />;
}
