import path from "node:path";

/**
 * The real third-party files of shared/data/external (read-only; their traps are listed in its README). CI has
 * shared/ beside the clone, as developers do.
 */
export const EXTERNAL_DATA = path.resolve(import.meta.dirname, "../../../shared/data/external");

export const externalFile = (relative: string): string => path.join(EXTERNAL_DATA, relative);
