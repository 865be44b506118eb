import type { ReactNode } from "react";

/** Text for screen readers only: what a symbol (▲, ↑) means in words. */
export function VisuallyHidden({ children }: { readonly children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
