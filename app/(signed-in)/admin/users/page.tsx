import { AccessDenied } from "@/components/auth/AccessDenied";
import { UsersPage } from "@/components/admin/UsersPage";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { listUnits } from "@/lib/db/units/list-units";

export default async function AdminUsersRoute() {
  const access = await authorizePage(await getPagePrincipal(), "user.manage");
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  // Every unit (an admin assigns people to any of them), read at request time so that a new unit is offered at once.
  const units = await listUnits();
  return <UsersPage units={units.map(({ id, name }) => ({ id, name }))} />;
}
