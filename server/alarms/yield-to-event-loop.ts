/** Lets the heartbeats and the writer's commits run between two pieces of the engine's work. */
export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
