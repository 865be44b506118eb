/**
 * PostgreSQL aborts one of two transactions that wait on each other (40P01, deadlock_detected) and may abort one
 * that cannot be serialised (40001); either leaves nothing written, and running it again is what the manual asks of
 * the client. A safety net on the write path, not the cure of a known deadlock: the one seen in a full e2e run on
 * PostgreSQL (the whole-stay test's ADT^A02 moved a simulated patient while the simulator's tick wrote its readings,
 * and the tick lost its batch) came from the batch taking the log-order lock before its stays' rows, against a stay's
 * move or discharge taking them in the other order; a batch now locks its stays first
 * (observations/insert-observation-batch.pg.ts, readings-and-stay-moves.pg.test.ts).
 */
const RETRYABLE = new Set(["40P01", "40001"]);

export function isRetryableConflict(error: unknown): boolean {
  return typeof error === "object" && error !== null && RETRYABLE.has(String((error as { code?: unknown }).code));
}

export async function retryOnDeadlock<T>(
  run: () => Promise<T>,
  {
    attempts = 4,
    pause = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20)),
  }: { attempts?: number; pause?: (attempt: number) => Promise<void> } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      // A short, jittered pause: the other transaction commits meanwhile, and two retries do not meet again.
      await pause(attempt);
    }
  }
}
