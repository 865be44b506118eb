import { AccessDenied } from "@/components/auth/AccessDenied";
import { DisplaysPage } from "@/components/admin/DisplaysPage";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { listUnits } from "@/lib/db/units/list-units";

export default async function AdminDisplaysRoute() {
  const access = await authorizePage(await getPagePrincipal(), "display.manage");
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  const units = await listUnits();
  return <DisplaysPage units={units.map(({ id, name }) => ({ id, name }))} />;
}
