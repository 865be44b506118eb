"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { focusPageStart } from "@/lib/client/focus-page";

/**
 * A modal over the page. The native <dialog> opened with showModal() keeps keyboard focus inside, makes the page
 * behind inert for screen readers and closes on Escape; focus returns to the button that opened it. `look` names the
 * area's styles (`<look>-dialog`, `<look>-dialog__header`, `<look>-button`).
 */
export function ModalDialog({
  title,
  closeLabel,
  onClose,
  children,
  testId,
  look,
}: {
  readonly title: string;
  readonly closeLabel: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId?: string;
  readonly look: "admin" | "alarm";
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // What had focus when the dialog opened: React removes the dialog before this cleanup runs, so the browser's own
    // return of focus on close() does not happen and focus would drop to <body>.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // The opener may be gone (an acknowledged alarm's button leaves the list): the page's start then.
      if (opener?.isConnected) opener.focus();
      else focusPageStart();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`${look}-dialog`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        // Escape: let React unmount the dialog rather than the browser close it behind React's back.
        event.preventDefault();
        onClose();
      }}
    >
      <header className={`${look}-dialog__header`}>
        <h2 id={titleId}>{title}</h2>
        <button type="button" className={`${look}-button ${look}-button--quiet`} onClick={onClose}>
          {closeLabel}
        </button>
      </header>
      {children}
    </dialog>
  );
}
