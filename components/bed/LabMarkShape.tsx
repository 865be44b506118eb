import type { TLabMark } from "@/lib/bed/prepare-lab-marks";

/**
 * One laboratory result on a trend, at (cx, cy), as prepareLabMarks marked it: a dot; an open triangle for a
 * censored result drawn at its limit, pointing where the true value lies ("< 0.10" points down); a ring round a
 * correction that stands; a grey crossed ring for a result that was replaced (shown only on request). Shapes, not
 * colours alone, tell them apart.
 */
export function LabMarkShape({ cx, cy, mark, color }: { cx: number; cy: number; mark: TLabMark; color: string }) {
  if (mark.state === "superseded")
    return (
      <g data-lab-mark="superseded" data-how={mark.how}>
        <circle cx={cx} cy={cy} r={4.5} fill="none" stroke="#9aa5b1" strokeWidth={1.5} strokeDasharray="2 1.5" />
        <path d={`M${cx - 4} ${cy + 4}L${cx + 4} ${cy - 4}`} stroke="#9aa5b1" strokeWidth={1.5} />
      </g>
    );
  const ring =
    mark.state === "corrected" ? <circle cx={cx} cy={cy} r={7} fill="none" stroke="#ffffff" strokeWidth={1.2} /> : null;
  if (mark.shape === "dot")
    return (
      <g data-lab-mark={mark.state}>
        {ring}
        <circle cx={cx} cy={cy} r={3.5} fill={color} stroke="#000" />
      </g>
    );
  const d =
    mark.shape === "below"
      ? `M${cx - 5} ${cy - 3}L${cx + 5} ${cy - 3}L${cx} ${cy + 5}Z`
      : `M${cx - 5} ${cy + 3}L${cx + 5} ${cy + 3}L${cx} ${cy - 5}Z`;
  return (
    <g data-lab-mark={mark.state} data-censored={mark.shape}>
      {ring}
      <path d={d} fill="#0d1117" stroke={color} strokeWidth={1.6} />
    </g>
  );
}
