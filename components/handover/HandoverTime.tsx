/** Formats an instant in the unit's time zone (a locale-bound formatter from the sheet). */
export type TWhen = (at: number) => string;

/** An instant shown in the unit's time, machine-readable for assistive technology and print. */
export function Time({ at, when }: { readonly at: number; readonly when: TWhen }) {
  return <time dateTime={new Date(at).toISOString()}>{when(at)}</time>;
}
