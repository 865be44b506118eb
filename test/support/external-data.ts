import path from "node:path";

/**
 * The real third-party files of test/fixtures/external (verbatim, each under its origin's licence; the traps they
 * hold are listed in its README).
 */
export const EXTERNAL_DATA = path.resolve(import.meta.dirname, "../fixtures/external");

export const externalFile = (relative: string): string => path.join(EXTERNAL_DATA, relative);
