"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ModalDialog } from "@/components/ui/ModalDialog";

/** A modal form over an administration page. */
export function AdminDialog(props: {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId?: string;
}) {
  const t = useTranslations("admin.common");
  return <ModalDialog {...props} closeLabel={t("close")} look="admin" />;
}
