/**
 * Moves keyboard focus to the start of the page's content: its first heading inside <main> (so that a screen reader
 * reads where the person now is), else <main> itself. Neither is focusable by nature, so each gets tabindex=-1: it
 * can take focus from a script and never becomes a Tab stop. Says whether it found the heading.
 */
export function focusPageStart(): boolean {
  const main = document.querySelector("main");
  const heading = main?.querySelector<HTMLElement>("h1, h2") ?? (main ? null : document.querySelector("h1"));
  const target = heading ?? main;
  if (!target) return false;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: false });
  return heading !== null;
}

/** How long a new page may take to draw its heading (a form loading its checklist) before focus stays where it is. */
const HEADING_WAIT_MS = 10_000;

/**
 * Focus for a page just navigated to. A page that is still loading has no heading yet (the round form reads its
 * checklist first): focus goes to <main> meanwhile and moves on to the heading when it appears, unless the person
 * has put focus somewhere else by then. Returns a function that stops waiting.
 */
export function focusNewPage(): () => void {
  if (focusPageStart()) return () => undefined;
  const stillWaiting = () => {
    const active = document.activeElement;
    return active === null || active === document.body || active.tagName === "MAIN";
  };
  const observer = new MutationObserver(() => {
    if (!stillWaiting() || focusPageStart()) stop();
  });
  const timer = window.setTimeout(() => stop(), HEADING_WAIT_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
