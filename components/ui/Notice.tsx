import type { ReactNode } from "react";

/** A full-width message in place of content: what went wrong and what to do about it. */
export function Notice({
  title,
  children,
  testId,
}: {
  readonly title: string;
  readonly children?: ReactNode;
  readonly testId?: string;
}) {
  return (
    <div className="notice" data-testid={testId}>
      <p className="notice__title">{title}</p>
      {children}
    </div>
  );
}
