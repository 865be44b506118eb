import { redirect } from "next/navigation";
import { UnitList } from "@/components/station/UnitList";
import { listUnits } from "@/lib/server/units/list-units";

// The units are read at request time: a unit created after the build must appear without rebuilding.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const units = await listUnits();
  // One unit: the screen has nothing to choose, so it opens that unit's station.
  if (units.length === 1 && units[0]) redirect(`/station/${encodeURIComponent(units[0].id)}`);
  return <UnitList units={units} />;
}
