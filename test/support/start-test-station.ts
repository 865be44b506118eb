import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { createStationServer, type StationServer, type StationServerOptions } from "@/server/create-station-server";
import { silentLogger } from "@/lib/log/logger";

export interface TTestStation {
  server: StationServer;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Every request that reached the stand-in for Next, as "METHOD /path?query". */
  reachedNext: string[];
  /** …and the headers Next received with each (the gate adds some: the CSP whose nonce Next uses, the client's address). */
  nextHeaders: IncomingHttpHeaders[];
  close(): Promise<void>;
}

/**
 * The station server on a free port with a stand-in for Next that records what reaches it and answers 200 "next":
 * what the gate lets through, and what it stops, without building Next.
 */
export async function startTestStation(
  options: Omit<StationServerOptions, "log" | "nextHandler"> & Partial<Pick<StationServerOptions, "log">>,
): Promise<TTestStation> {
  const reachedNext: string[] = [];
  const nextHeaders: IncomingHttpHeaders[] = [];
  const nextHandler = (req: IncomingMessage, res: ServerResponse) => {
    reachedNext.push(`${req.method ?? "GET"} ${req.url ?? "/"}`);
    nextHeaders.push({ ...req.headers });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("next");
  };
  const server = await createStationServer({ log: silentLogger, ...options, nextHandler });
  const { port } = await server.listen(0, "127.0.0.1");
  return { server, base: `http://127.0.0.1:${port}`, reachedNext, nextHeaders, close: () => server.close() };
}
