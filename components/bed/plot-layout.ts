/**
 * Where recharts puts the plot area inside a trend chart, shared by its drawing (RechartsPlot), the drag-to-zoom and
 * readout overlay (TrendChart) and, in CSS, the server-drawn sketch (bed.css, .trend-sketch__plot: 56 px in from
 * the left, 70 px narrower). A module of its own so that TrendChart reads it without loading recharts.
 */
export const Y_AXIS_WIDTH = 56;
export const PLOT_MARGIN = { top: 6, right: 14, bottom: 0, left: 0 } as const;
