import { redirect } from "next/navigation";
import { UnitList } from "@/components/station/UnitList";
import { can } from "@/lib/auth/permissions";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { listUnits } from "@/lib/db/units/list-units";

// The units are read at request time: a unit created after the build must appear without rebuilding.
export const dynamic = "force-dynamic";

export default async function HomePage({
  searchParams,
}: {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await getPagePrincipal();
  // Signed in on a tablet (lib/client/landing.ts): whoever signs rounds lands on the unit's rounds list.
  const rounds = (await searchParams).landing === "rounds" && can(principal.role, "checklist.sign");
  // Only the units the person belongs to: the others' names and beds are none of their screens' business.
  const units = (await listUnits()).filter((unit) => principal.unitIds.includes(unit.id));
  // One unit (always, for a wall screen): nothing to choose, so that unit's station opens.
  if (units.length === 1 && units[0]) {
    redirect(`/${rounds ? "rounds" : "station"}/${encodeURIComponent(units[0].id)}`);
  }
  return <UnitList units={units} />;
}
