"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal form over the page. The native <dialog> opened with showModal() keeps keyboard focus inside, makes the
 * page behind inert for screen readers and closes on Escape; focus returns to the button that opened it.
 */
export function AdminDialog({ title, onClose, children, testId }: { readonly title: string; readonly onClose: () => void; readonly children: ReactNode; readonly testId?: string }) {
  const t = useTranslations("admin.common");
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
      className="admin-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        // Escape: let React unmount the dialog rather than the browser close it behind React's back.
        event.preventDefault();
        onClose();
      }}
    >
      <header className="admin-dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="admin-button admin-button--quiet" onClick={onClose}>
          {t("close")}
        </button>
      </header>
      {children}
    </dialog>
  );
}
