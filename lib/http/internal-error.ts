/**
 * The one answer to a failure nobody planned for, over HTTP (a route handler's or the Node process's own routes):
 * what happened stays in the server's log, the person is told what to do.
 */
export const INTERNAL_ERROR = {
  code: "INTERNAL",
  message: "The server could not answer. Retry; if it persists, call IT.",
} as const;
