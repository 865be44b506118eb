"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ModalDialog } from "@/components/ui/ModalDialog";

/** A modal over the station (the wall behind inert while it is open). */
export function AlarmDialog(props: {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId?: string;
}) {
  const t = useTranslations("alarms.history");
  return <ModalDialog {...props} closeLabel={t("close")} look="alarm" />;
}
