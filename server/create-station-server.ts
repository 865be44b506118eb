import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendError } from "@/lib/http/node-http";
import { ZAuthEnv, toAuthConfig, type TAuthConfig } from "@/lib/db/auth/auth-config";
import { SignInThrottle } from "@/lib/db/auth/sign-in-throttle";
import type { Db } from "@/lib/db/client";
import { getLastSeq } from "@/lib/db/observations/get-last-seq";
import { EpisodeDirectory } from "./ingest/episode-directory";
import { ObservationWriter } from "./ingest/observation-writer";
import type { Logger } from "@/lib/log/logger";
import { createAuthGate } from "./auth/auth-gate";
import { authRoutes } from "./auth/auth-routes";
import { attachRealtime, type Realtime } from "./realtime/attach-realtime";
import { ALARM_TICK_MS, AlarmEngine } from "./alarms/alarm-engine";
import { startAlarmTailer, type AlarmTailer } from "./alarms/alarm-tailer";
import { attachHandoverRoom } from "./realtime/attach-handover-room";
import { attachAlarmCommands } from "./realtime/attach-alarm-commands";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface StationServerOptions {
  db: Db;
  log: Logger;
  /** Next's request handler; absent in integration tests that exercise only the write path and the socket. */
  nextHandler?: RequestHandler;
  /** Routes the Node process answers itself (before Next), e.g. the simulator's controls. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Session and origin settings (default: those of an empty environment: 30 min idle, same-origin only). */
  auth?: TAuthConfig;
  /** Next in development mode: the CSP then allows what React's dev build needs. */
  dev?: boolean;
  /** Sign-in brute-force limits (tests pass tighter ones). */
  throttle?: SignInThrottle;
  now?: () => Date;
  /** How often the alarm engine judges its timers (absence, staleness, pump stopped); 0 leaves the clock off (tests tick it). */
  alarmTickMs?: number;
  /** How long after the start the engine's clock waits (default STARTUP_GRACE_MS); tests pass 0. */
  alarmStartupGraceMs?: number;
}

export interface StationServer {
  httpServer: HttpServer;
  writer: ObservationWriter;
  realtime: Realtime;
  episodes: EpisodeDirectory;
  auth: TAuthConfig;
  /** Judges every committed reading and the clock; its changes reach screens through the tailer. */
  alarms: AlarmEngine;
  alarmTailer: AlarmTailer;
  listen(port: number, host: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

/**
 * The Node process as a function of its dependencies: one HTTP server carrying Next and socket.io, and the one
 * write path whose commits are broadcast. Tests start it on a free port with a temporary database.
 */
export async function createStationServer(options: StationServerOptions): Promise<StationServer> {
  const { db, log } = options;
  const auth = options.auth ?? toAuthConfig(ZAuthEnv.parse({}));
  const gate = createAuthGate({ db, config: auth, dev: options.dev ?? false, now: options.now });
  const throttle = options.throttle ?? new SignInThrottle();
  // Every request passes the gate first (security headers, cross-site check, session); then the Node process's own
  // routes; then Next.
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if ((await gate(req, res)).handled) return;
    if (sessionRoutes(req, res)) return;
    if (options.routes?.(req, res)) return;
    if (options.nextHandler) return options.nextHandler(req, res);
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_FOUND", message: "not found" } }));
  };
  const httpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, error, log));
  });

  const episodes = new EpisodeDirectory(db);
  const writer: ObservationWriter = new ObservationWriter({
    db,
    episodes,
    now: options.now,
    onCommitted: (observations) => {
      rt.broadcast(observations);
      alarmEngine.onCommitted(observations);
    },
  });
  writer.setInitialSeq(await getLastSeq({ db }));
  const rt: Realtime = attachRealtime({ httpServer, db, lastSeq: () => writer.committedSeq, log, auth, now: options.now });
  // Alarms: judged after commit, written with their log, broadcast by the tailer whoever wrote them (docs/alarms.md).
  const alarmTailer = await startAlarmTailer({
    db,
    io: rt.io,
    log,
    onEvents: (events) => {
      for (const e of events) if (e.type === "acknowledged" && e.alarm?.origin === "engine") alarmEngine.noteAcknowledged(e.alarm.episodeId, e.alarm.ruleId, e.at);
    },
  });
  const alarmEngine = new AlarmEngine({ db, episodes, log, now: options.now, onChanged: () => alarmTailer.kick(), startupGraceMs: options.alarmStartupGraceMs });
  if ((options.alarmTickMs ?? ALARM_TICK_MS) > 0) alarmEngine.start(options.alarmTickMs ?? ALARM_TICK_MS);
  attachAlarmCommands({ io: rt.io, db, auth, log, onChanged: () => alarmTailer.kick(), now: options.now });
  const detachHandoverRoom = attachHandoverRoom({ io: rt.io, db, auth, log });
  const sessionRoutes = authRoutes({ db, config: auth, throttle, endSockets: (ids, reason) => rt.endSessions(ids, reason), log });

  return {
    httpServer,
    writer,
    realtime: rt,
    episodes,
    auth,
    alarms: alarmEngine,
    alarmTailer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo));
      }),
    async close() {
      await writer.drain();
      await alarmEngine.stop();
      await alarmTailer.stop();
      detachHandoverRoom();
      await rt.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}


