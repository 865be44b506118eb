import { ImportPage } from "@/components/import/ImportPage";

export default function ImportRoute() {
  return <ImportPage />;
}
