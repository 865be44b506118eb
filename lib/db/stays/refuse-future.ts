import { AppError } from "../../errors/app-error";
import { refusal } from "../../errors/refusal";

/** Clock skew a tablet may have: an instant up to this much ahead of the server is taken as now. */
const SKEW_MS = 60_000;

/**
 * The instant an operation records (epoch ms from the screen, or null for now), refused when in the future: a stay
 * or an episode never starts or ends later than the server's clock says.
 */
export function refuseFuture(at: number | null, now: Date, field: string): Date {
  if (at === null) return now;
  if (at > now.getTime() + SKEW_MS)
    throw new AppError("INVALID_INPUT", `${field}: the time is in the future.`, { field }, refusal("timeInFuture"));
  return new Date(Math.min(at, now.getTime()));
}
