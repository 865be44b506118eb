/**
 * Work that can wait for the main thread to be free, done one task per idle period in the order it was queued. The
 * bed view mounts its recharts charts through it after the server-drawn sketches are on screen: mounting all
 * eleven at once would hold the main thread for most of a second; one at a time, in page order (the charts in view
 * first), the page stays responsive and the visible charts are upgraded first.
 */
const queue: (() => void)[] = [];
let pending = false;

/**
 * On a busy machine idle periods may not come at all: a task then runs after this long anyway, so that every chart
 * is upgraded within seconds rather than never.
 */
const IDLE_TIMEOUT_MS = 500;

function schedule(): void {
  if (pending || queue.length === 0) return;
  pending = true;
  // One task per idle period: a task's render (a recharts chart, tens of ms; far more on a loaded machine) happens
  // after the callback, and several at once made one long task that kept a loaded page at a frame a second.
  const run = () => {
    pending = false;
    queue.shift()?.();
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
