import { redirect } from "next/navigation";
import { UnitList } from "@/components/station/UnitList";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { listUnits } from "@/lib/db/units/list-units";

// The units are read at request time: a unit created after the build must appear without rebuilding.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const principal = await getPagePrincipal();
  // Only the units the person belongs to: the others' names and beds are none of their screens' business.
  const units = (await listUnits()).filter((unit) => principal.unitIds.includes(unit.id));
  // One unit (always, for a wall screen): nothing to choose, so that unit's station opens.
  if (units.length === 1 && units[0]) redirect(`/station/${encodeURIComponent(units[0].id)}`);
  return <UnitList units={units} />;
}
