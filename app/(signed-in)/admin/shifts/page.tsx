import { AccessDenied } from "@/components/auth/AccessDenied";
import { ShiftsPage } from "@/components/admin/ShiftsPage";
import { canAccessUnit } from "@/lib/auth/principal";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { listUnits } from "@/lib/db/units/list-units";

/** Each unit's shift pattern, for an administrator: only the units they belong to, as the API allows. */
export default async function AdminShiftsRoute() {
  const principal = await getPagePrincipal();
  const access = await authorizePage(principal, "shift.configure");
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  const units = (await listUnits()).filter((unit) => canAccessUnit(principal, unit.id));
  return <ShiftsPage units={units.map(({ id, name }) => ({ id, name }))} />;
}
