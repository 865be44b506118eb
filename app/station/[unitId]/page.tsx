import { CentralStation } from "@/components/station/CentralStation";

export default async function StationPage({ params }: { readonly params: Promise<{ unitId: string }> }) {
  const { unitId } = await params;
  return <CentralStation unitId={unitId} />;
}
