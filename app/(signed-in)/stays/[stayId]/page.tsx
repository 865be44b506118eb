import { AccessDenied } from "@/components/auth/AccessDenied";
import { StayRecordView } from "@/components/stays/StayRecordView";
import { authorizePage } from "@/lib/db/auth/authorize-page";
import { getPagePrincipal } from "@/lib/db/auth/get-page-principal";
import { getDb } from "@/lib/db/get-db";
import { getStayRecord } from "@/lib/db/stays/get-stay-record";

/** One stay's record, read-only and printable, for the staff of its unit who may read the archive (stay.view). */
export default async function StayRecordPage({ params }: { readonly params: Promise<{ stayId: string }> }) {
  const { stayId } = await params;
  const principal = await getPagePrincipal();
  const db = await getDb();
  const record = await getStayRecord({ db, stayId });
  // The role is checked first (a refusal is audited), then the unit of the stay; an unknown stay is not found.
  const access = await authorizePage(principal, "stay.view", record ? { unitId: record.unitId } : {});
  if (!access.ok) return <AccessDenied reason={access.reason} />;
  if (!record) return <AccessDenied reason="not-found" />;
  return <StayRecordView record={record} />;
}
