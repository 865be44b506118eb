import type { TAdtLocation } from "@/lib/imports/hl7/adt-message";
import type { Db } from "../client";

/**
 * The bed an ADT message's PV1-3 (point of care ^ room ^ bed) addresses: the point of care is a code a unit's
 * settings map (UnitPointOfCare), else the unit's own id, so `demo-icu^^08` is bed 08 of the demo unit with no
 * configuration; the bed is the bed's label. The room is not used: the station's beds are labelled uniquely in their
 * unit. Null when nothing matches.
 */
export async function resolveAdtBed({
  db,
  location,
}: {
  db: Pick<Db, "unitPointOfCare" | "bed">;
  location: TAdtLocation;
}): Promise<{ unitId: string; bedId: string; label: string } | null> {
  const mapped = await db.unitPointOfCare.findUnique({ where: { code: location.pointOfCare } });
  const unitId = mapped?.unitId ?? location.pointOfCare;
  const bed = await db.bed.findUnique({ where: { unitId_label: { unitId, label: location.bed } } });
  return bed ? { unitId, bedId: bed.id, label: bed.label } : null;
}
