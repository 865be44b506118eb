/**
 * The origin a continuation is resolved against. Any fixed origin does: what matters is whether the browser, given
 * `next` as a Location or to `location.assign`, would stay on the origin it is already on.
 */
const HERE = "http://station.invalid";

/** C0 and C1 control characters (tab, CR and LF among them), which browsers strip from URLs or refuse in headers. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Where a person lands after signing in: where they were going, if that is a path of this station, otherwise "/".
 * Used by the sign-in form (client), the sign-in page's redirect of a signed-in visitor and the auth gate's redirect
 * to the sign-in page (server), so the three agree.
 *
 * A prefix check is not enough: browsers drop tab, CR and LF from a URL and read a backslash as a slash, so
 * "/\tevil.example" or "/\\evil.example" become "//evil.example", another host; CR/LF in a Location header is a 500.
 * So the text is refused if it holds either, and then parsed as a URL and kept only when it resolves to this origin
 * and to a path that starts with a single slash. What is returned is the parsed path, search and hash, not the input.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return "/";
  if (next.includes("\\") || CONTROL.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return "/";
  }
  if (url.origin !== HERE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}
