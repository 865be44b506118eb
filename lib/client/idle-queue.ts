/**
 * Work that can wait for the main thread to be free, done one task per idle period in the order it was queued. The
 * bed view mounts its recharts charts through it after the server-drawn sketches are on screen: mounting all
 * eleven at once would hold the main thread for most of a second; one at a time, in page order (the charts in view
 * first), the page stays responsive and the visible charts are upgraded first.
 */
const queue: (() => void)[] = [];
let pending = false;

/** An idle period is used while it has this much left; a task (one recharts chart) takes a few tens of ms. */
const MIN_REMAINING_MS = 10;
/**
 * On a busy machine idle periods may not come at all: a task then runs after this long anyway, so that every chart
 * is upgraded within a few seconds rather than one per second.
 */
const IDLE_TIMEOUT_MS = 200;

function schedule(): void {
  if (pending || queue.length === 0) return;
  pending = true;
  const run = (deadline?: IdleDeadline) => {
    pending = false;
    // At least one task; more while the idle period lasts (their renders then happen together, after it).
    do queue.shift()?.();
    while (queue.length > 0 && deadline !== undefined && !deadline.didTimeout && deadline.timeRemaining() > MIN_REMAINING_MS);
    schedule();
  };
  // Safari has no requestIdleCallback; a timer still yields to rendering and input between tasks.
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else window.setTimeout(run, 16);
}

/** Queues `task`; the returned function removes it if it has not run yet (an unmounted chart). */
export function whenIdle(task: () => void): () => void {
  queue.push(task);
  schedule();
  return () => {
    const index = queue.indexOf(task);
    if (index >= 0) queue.splice(index, 1);
  };
}
