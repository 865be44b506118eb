import { AccessDenied } from "@/components/auth/AccessDenied";
import { UnitHandoverPrint } from "@/components/handover/UnitHandoverPrint";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { getDb } from "@/lib/db/get-db";
import { getHandoverSheet } from "@/lib/db/handover/get-handover-sheet";
import { getUnitHandover } from "@/lib/db/handover/get-unit-handover";

/** Every occupied bed's sheet of a shift, one A4 page each (the browser's print to PDF makes the unit's file). */
export default async function UnitHandoverPrintPage({
  params,
  searchParams,
}: {
  readonly params: Promise<{ unitId: string }>;
  readonly searchParams: Promise<{ shift?: string }>;
}) {
  const { unitId } = await params;
  const { shift } = await searchParams;
  const access = await authorizePage(await getPagePrincipal(), "handover.view", { unitId });
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  const db = await getDb();
  const unit = await getUnitHandover({ db, unitId, shiftKey: typeof shift === "string" ? shift : undefined });
  const sheets = [];
  for (const bed of unit.beds.filter((b) => b.patientInitials !== null)) {
    sheets.push(await getHandoverSheet({ db, bedId: bed.bedId, shiftKey: unit.shift.key }));
  }
  return <UnitHandoverPrint unit={unit} sheets={sheets} />;
}
