import { AccessDenied } from "@/components/auth/AccessDenied";
import { AuditPage } from "@/components/admin/AuditPage";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { listUnits } from "@/lib/db/units/list-units";

export default async function AdminAuditRoute() {
  const access = await authorizePage(await getPagePrincipal(), "audit.view");
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  // The unit filter offers every unit: the trail covers the whole station.
  const units = await listUnits();
  return <AuditPage units={units.map(({ id, name }) => ({ id, name }))} />;
}
