"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";

/** A modal over the station (native <dialog>: focus kept inside, Escape closes, the wall behind inert). */
export function AlarmDialog({ title, onClose, children, testId }: { readonly title: string; readonly onClose: () => void; readonly children: ReactNode; readonly testId?: string }) {
  const t = useTranslations("alarms.history");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="alarm-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="alarm-dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="alarm-button alarm-button--quiet" onClick={onClose}>
          {t("close")}
        </button>
      </header>
      {children}
    </dialog>
  );
}
