// A route handler run in a process of its own, on its own client of the database file: what another node, or an
// instance of Next the station's process cannot reach, is to the server under test. The call comes in the
// environment (ROUTE_FILE under app/, METHOD, URL, COOKIE, BODY, PARAMS as JSON); the answer goes to stdout as JSON.
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { provideDb } from "@/lib/db/get-db";

type THandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const env = process.env;
const db = await createDb(env.DATABASE_URL ?? "");
provideDb(db);
const route = (await import(path.resolve(import.meta.dirname, "../../app", env.ROUTE_FILE ?? ""))) as Record<
  string,
  THandler | undefined
>;
const method = env.METHOD ?? "GET";
const handler = route[method];
if (!handler) throw new Error(`${env.ROUTE_FILE ?? "?"} has no ${method} handler`);
const request = new Request(env.URL ?? "http://station.test/", {
  method,
  headers: { cookie: env.COOKIE ?? "", "content-type": "application/json" },
  body: env.BODY || undefined,
});
const response = await handler(request, {
  params: Promise.resolve(JSON.parse(env.PARAMS ?? "{}") as Record<string, string>),
});
process.stdout.write(JSON.stringify({ status: response.status, body: await response.text() }));
await db.$disconnect();
