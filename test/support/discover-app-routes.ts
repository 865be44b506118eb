import { readdirSync } from "node:fs";
import path from "node:path";

export const APP_DIR = path.resolve(import.meta.dirname, "../../app");

export interface TAppRoute {
  /** The file under app/, with forward slashes: "api/beds/[bedId]/route.ts". */
  file: string;
  kind: "page" | "route";
  /** The URL it answers, dynamic segments filled in: "/api/beds/test-bed-1". */
  url: string;
  /** The `params` Next would hand the page or handler for that URL. */
  params: Record<string, string | string[]>;
}

const ROUTE_FILE = /(^|\/)(page|route)\.(tsx|ts|jsx|js)$/;

/**
 * Every page and route handler under app/, found on disk rather than listed, so that a route added tomorrow is
 * covered by the tests that use this. Route groups "(name)" and slots "@name" add no URL segment; private folders
 * "_name" are not routable. Dynamic segments take `ids[name]` when given (an existing bed, unit…), else "probe-<name>".
 * Intercepting routes, which this station does not use, stop the discovery rather than be mapped wrongly.
 */
export function discoverAppRoutes(ids: Record<string, string> = {}): TAppRoute[] {
  const files = readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => ROUTE_FILE.test(f))
    .sort();
  const routes: TAppRoute[] = [];
  for (const file of files) {
    const segments = file.split("/").slice(0, -1);
    if (segments.some((s) => s.startsWith("_"))) continue;
    const params: Record<string, string | string[]> = {};
    const parts: string[] = [];
    for (const segment of segments) {
      if (segment.startsWith("(."))
        throw new Error(`${file}: intercepting routes are not supported by discoverAppRoutes; extend it`);
      if ((segment.startsWith("(") && segment.endsWith(")")) || segment.startsWith("@")) continue;
      const dynamic = /^\[{1,2}(\.\.\.)?([^\]]+)\]{1,2}$/.exec(segment);
      if (!dynamic) {
        parts.push(segment);
        continue;
      }
      const name = dynamic[2] ?? "";
      const value = ids[name] ?? `probe-${name}`;
      params[name] = dynamic[1] ? [value] : value;
      parts.push(encodeURIComponent(value));
    }
    routes.push({ file, kind: /(^|\/)route\.\w+$/.test(file) ? "route" : "page", url: `/${parts.join("/")}`, params });
  }
  return routes;
}
