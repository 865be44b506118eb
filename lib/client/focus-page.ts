/**
 * Moves keyboard focus to the start of the page's content: its first heading inside <main> (so that a screen reader
 * reads where the person now is), else <main> itself. Neither is focusable by nature, so each gets tabindex=-1: it
 * can take focus from a script and never becomes a Tab stop.
 */
export function focusPageStart(): void {
  const main = document.querySelector("main");
  const target = main?.querySelector<HTMLElement>("h1, h2") ?? main ?? document.querySelector<HTMLElement>("h1");
  if (!target) return;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: false });
}
