import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { assertCan } from "@/lib/db/auth/authorize";
import { getImportJob } from "@/lib/db/imports/get-import-job";
import { listImportJobs } from "@/lib/db/imports/list-import-jobs";
import { AppError } from "@/lib/errors/app-error";
import { contextOf, principalOf } from "../auth/auth-gate";
import { defineNodeRoutes, matchNodeRoute } from "../node-route-table";
import { fhir, outcome, postFhir } from "./fhir-import-endpoint";
import { fail, json } from "./import-answers";
import { postImport } from "./post-import";
import { rejectionsCsv } from "./rejections-csv";
import { runUserImport, type TImportRoutesOptions, type TRouteContext } from "./run-user-import";

const ZListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
const JOB = /^\/api\/imports\/([0-9a-fA-F-]{36})(\/rejections\.csv)?$/;

/**
 * The import endpoints, answered by the Node process because an upload is streamed into the process's writer as it
 * arrives (batch by batch, never held whole) and the job's progress goes out on the socket after each batch; Next's
 * route handlers load other module instances and could reach neither (docs/stack.md):
 *   POST /api/imports?kind=&dryRun=&fileName=[&mapping=&patient=&admittedAt=]   the file as the raw body, streamed;
 *                                               answers the job's summary
 *   GET  /api/imports                           the history;  GET /api/imports/:id   one job
 *   GET  /api/imports/:id/rejections.csv        the rejection report
 *   POST /api/fhir/Observation                  one FHIR Observation
 *   POST /api/fhir                              a FHIR batch or transaction Bundle
 */
export const IMPORT_ROUTES = defineNodeRoutes([
  { method: "GET", path: "/api/imports", access: "import.view" },
  { method: "POST", path: "/api/imports", access: "import.run" },
  { method: "GET", path: "/api/imports/:jobId", access: "import.view" },
  { method: "GET", path: "/api/imports/:jobId/rejections.csv", access: "import.view" },
  { method: "POST", path: "/api/fhir/Observation", access: "import.run" },
  { method: "POST", path: "/api/fhir", access: "import.run" },
]);

export function importRoutes(options: TImportRoutesOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? "/", "http://station");
    const path = url.pathname;
    if (!path.startsWith("/api/imports") && path !== "/api/fhir" && path !== "/api/fhir/Observation") return false;
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? "GET";
    const principal = principalOf(req);
    // Only what the table lists is served (its rows are the access matrix's); anything else under these paths is
    // refused before it reads anything, as route() below would have.
    const matched = matchNodeRoute(IMPORT_ROUTES, method, path);
    if (!matched) {
      unmatched(res, method, path);
      return true;
    }
    const { access } = matched.spec;
    // The gate let nobody through without a session; the role decides: seeing imports, or running them.
    const handled = principal
      ? (access === "public" || access === "signed-in"
          ? Promise.resolve()
          : assertCan({
              db: options.db,
              principal,
              action: access,
              context: contextOf(req),
              via: `http ${method} ${path}`,
            })
        ).then(() => route({ ...options, req }, req, res, path, query))
      : Promise.reject(new AppError("UNAUTHENTICATED", "Sign in first."));
    handled.catch((error: unknown) => fail(res, error, options.log, path.startsWith("/api/fhir")));
    return true;
  };
}

/** A method or path the table does not list, under a path these routes own: 405 for a known path, else 404. */
function unmatched(res: ServerResponse, method: string, path: string): void {
  const known = IMPORT_ROUTES.some((r) => matchNodeRoute([{ ...r, method: "GET" }], "GET", path));
  if (path.startsWith("/api/fhir"))
    fhir(res, 405, outcome("not-supported", `${method} ${path} is not supported: POST an Observation or a Bundle`));
  else if (known) json(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: `${method} is not allowed here` } });
  else json(res, 404, { error: { code: "NOT_FOUND", message: `no route ${method} ${path}` } });
}

function route(
  o: TRouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: Record<string, string>,
): Promise<void> {
  const method = req.method ?? "GET";
  if (path === "/api/imports") {
    if (method === "POST") return postImport(o, req, res, query);
    if (method === "GET")
      return listImportJobs({ db: o.db, limit: ZListQuery.parse(query).limit }).then((jobs) =>
        json(res, 200, { jobs }),
      );
    return Promise.resolve(json(res, 405, { error: { code: "METHOD_NOT_ALLOWED", message: "use GET or POST" } }));
  }
  const job = JOB.exec(path);
  if (job && method === "GET") {
    const jobId = job[1] ?? "";
    return job[2] ? rejectionsCsv(o, res, jobId) : getImportJob({ db: o.db, jobId }).then((dto) => json(res, 200, dto));
  }
  if (path === "/api/fhir/Observation" && method === "POST")
    return postFhir((args) => runUserImport(o, args), req, res, "Observation");
  if (path === "/api/fhir" && method === "POST") return postFhir((args) => runUserImport(o, args), req, res, "Bundle");
  if (path.startsWith("/api/fhir"))
    return Promise.resolve(
      fhir(res, 405, outcome("not-supported", `${method} ${path} is not supported: POST an Observation or a Bundle`)),
    );
  return Promise.resolve(json(res, 404, { error: { code: "NOT_FOUND", message: `no route ${method} ${path}` } }));
}
