import { useLayoutEffect, useRef, useState } from "react";

/**
 * A clinician's scrolling alarm list shows whole items (issue 17): the list is as tall as the items that fit whole in
 * the space the panel gives it (its frame), so the last one is never drawn half cut; the others scroll into view,
 * snapped to their tops, and `below` counts those not yet in view so the panel can say so. Measured again when the
 * alarms or the frame's size change, and `below` on every scroll.
 */
export function useScrollWholeItems(list: readonly unknown[], enabled: boolean) {
  const frameRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLOListElement>(null);
  const [below, setBelow] = useState(0);
  useLayoutEffect(() => {
    const frame = frameRef.current;
    const box = scrollRef.current;
    if (!enabled || !frame || !box) return;
    // Each item's bottom in the list's content, whatever the scroll.
    const bottoms = () => {
      const top = box.getBoundingClientRect().top - box.scrollTop;
      return ([...box.children] as HTMLElement[]).map((item) => item.getBoundingClientRect().bottom - top);
    };
    const count = () => {
      const seen = box.scrollTop + box.clientHeight + 0.5;
      setBelow(bottoms().filter((bottom) => bottom > seen).length);
    };
    const measure = () => {
      const ends = bottoms();
      // The frame is at least one whole alarm tall (a tablet's panel leaves little room under its header), so that
      // the first, most urgent one is never cut either.
      const first = ends[0];
      frame.style.minHeight = first === undefined ? "" : `${Math.ceil(first)}px`;
      const room = frame.clientHeight;
      const whole = ends.filter((bottom) => bottom <= room + 0.5);
      // All fit: no limit; else cut at the bottom of the last whole one, and the rest scrolls.
      box.style.maxHeight = whole.length === ends.length ? "" : `${Math.ceil(whole.at(-1) ?? room)}px`;
      count();
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    box.addEventListener("scroll", count, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", count);
    };
  }, [list, enabled]);
  return { frameRef, scrollRef, below: enabled ? below : 0 };
}
