/** A small logger seam so that tests stay quiet and production prints one line per event. */
export interface Logger {
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (m, d) => console.log(`[station] ${m}`, ...(d === undefined ? [] : [d])),
  warn: (m, d) => console.warn(`[station] ${m}`, ...(d === undefined ? [] : [d])),
  error: (m, d) => console.error(`[station] ${m}`, ...(d === undefined ? [] : [d])),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
