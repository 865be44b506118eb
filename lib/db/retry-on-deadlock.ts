/**
 * PostgreSQL aborts one of two transactions that wait on each other (40P01, deadlock_detected) and may abort one
 * that cannot be serialised (40001); either leaves nothing written, and running it again is what the manual asks of
 * the client. The observation writer's batch takes the key-share locks of its foreign keys on stays and episodes in
 * the order of its rows, while a stay's operations (admission, move, support ended, discharge) lock those rows in
 * theirs: a deadlock between them is rare, and harmless if the batch runs again, as its readings are acknowledged only
 * once it has committed. Seen once in a full e2e run on PostgreSQL (the whole-stay test), where the simulator's tick
 * lost its batch; which of the stay's operations met it was not established.
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
