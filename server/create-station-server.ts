import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendError } from "@/lib/http/node-http";
import { ZAuthEnv, toAuthConfig, type TAuthConfig } from "@/lib/db/auth/auth-config";
import { SignInThrottle } from "@/lib/db/auth/sign-in-throttle";
import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";
import { EpisodeDirectory } from "./ingest/episode-directory";
import { ObservationWriter } from "./ingest/observation-writer";
import { attachRealtime, type Realtime } from "./realtime/attach-realtime";
import { attachAlarmCommands } from "./realtime/attach-alarm-commands";
import { attachHandoverRoom } from "./realtime/attach-handover-room";
import { broadcastChanges } from "./realtime/broadcast-changes";
import { startHeartbeat } from "./realtime/start-heartbeat";
import { ALARM_TICK_MS, AlarmEngine, STARTUP_GRACE_MS } from "./alarms/alarm-engine";
import type { Leadership, TLeaderTerm } from "./cluster/leadership";
import { attachRedisAdapter, type TRedisLink } from "./cluster/connect-redis";
import { decodeCommittedPage, encodeCommittedPage } from "@/lib/changes/committed-page-wire";
import { listenForCommits } from "@/lib/db/changes/announce-commit";
import { readinessRoute, type TReadinessCheck } from "./health/readiness-route";
import { startChangeFeed, type ChangeFeed, type TChangeSubscriber } from "./changes/start-change-feed";
import { createAuthGate } from "./auth/auth-gate";
import { authRoutes } from "./auth/auth-routes";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
/** A route of the Node process: answers true when the request was its own (it then answers it). */
export type NodeRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface StationServerOptions {
  db: Db;
  log: Logger;
  /** Next's request handler; absent in integration tests that exercise only the write path and the socket. */
  nextHandler?: RequestHandler;
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
  /**
   * Who runs the alarm engine (docs/deployment.md): the engine runs during this node's terms as leader, fenced by
   * the term's epoch. Absent: this process runs it from the start, unfenced (tests, one process on its own).
   */
  leadership?: Leadership;
  /** Several nodes: socket.io's Redis adapter, and the wake-up of the other nodes' feeds after each commit. */
  redis?: TRedisLink;
  /** Readiness checks of the caller's (the migrations, in server/index.ts), beside the server's own. */
  readinessChecks?: Record<string, TReadinessCheck>;
}

/** A change feed that has not read the logs through for this long makes the node not ready. */
const FEED_STALL_MS = 5_000;

/**
 * A node taking the lead while the station runs elsewhere: the readings kept coming through the other nodes, so the
 * clock waits only this long (a backlog still arriving is caught by the engine's catching-up rule).
 */
export const TAKEOVER_GRACE_MS = 5_000;

export interface StationServer {
  httpServer: HttpServer;
  /** The process's write path: every producer of this process hands its readings to it (ReadingSink). */
  writer: ObservationWriter;
  realtime: Realtime;
  episodes: EpisodeDirectory;
  auth: TAuthConfig;
  /**
   * Judges every committed reading, whoever wrote it, and the clock; its changes reach screens through the feed.
   * The engine of this node's term as leader: null while another node leads.
   */
  readonly alarms: AlarmEngine | null;
  /** What was committed, whoever committed it, as the screens are told it (the engine follows the logs on its own). */
  changes: ChangeFeed;
  /**
   * Adds routes the Node process answers itself (after the session routes, before Next), for parts built after the
   * server because they need its writer or its socket (imports), or start later (the simulator).
   */
  mount(route: NodeRoute): void;
  /**
   * Resolves once everything committed before the call has been told, the alarm engine has judged it, and what the
   * engine wrote of it has been told too.
   */
  settled(): Promise<void>;
  listen(port: number, host: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

/**
 * The Node process as a function of its dependencies: one HTTP server carrying Next and socket.io, the one write
 * path, and the change feed that tells the screens and the alarm engine what was committed. Built in dependency
 * order, each part from those above it; requests are answered once the last part exists. Tests start it on a free
 * port with a temporary database.
 */
export async function createStationServer(options: StationServerOptions): Promise<StationServer> {
  const { db, log, now } = options;
  const auth = options.auth ?? toAuthConfig(ZAuthEnv.parse({}));
  const throttle = options.throttle ?? new SignInThrottle();
  // The request listener is added last, once every route exists; socket.io attaches to the server before that.
  const httpServer = createServer();

  const episodes = new EpisodeDirectory(db);
  const writer = new ObservationWriter({ db, episodes, now });

  const realtime = attachRealtime({ httpServer, db, log, auth, now });
  attachAlarmCommands({ io: realtime.io, db, auth, log, guard: realtime.guard, now });
  attachHandoverRoom({ io: realtime.io, db, auth, log });

  // Two followers of the same logs, each at its own pace: the screens' must not wait while the engine judges a
  // backlog (the simulator's 24 h backfill at start-up, a large import from the CLI), which it holds back to bound
  // its memory; before the split, live readings reached a 32-bed wall only after the engine had judged the backfill.
  // A stay's change (a move, an episode ended) makes the write path read its episodes again before the screens hear.
  const forgetEpisodes: TChangeSubscriber = (page) => {
    if (page.some((c) => c.log === "document" && c.change.type === "stay:changed")) episodes.forgetAll();
  };
  const told = new Map<string, number>();
  /** The leader's alarm engine and its feed, for the term this node leads (on one node, always). */
  let term: { alarms: AlarmEngine; judged: ChangeFeed } | null = null;
  const changes = await startChangeFeed({
    db,
    log,
    // The engine's feed, when it is caught up, takes each page from here rather than reading it again (one read of
    // the logs per page on the leader, not two).
    subscribers: [
      forgetEpisodes,
      broadcastChanges({ io: realtime.io, db, told }),
      (page, span) => term?.judged.offer(page, span),
    ],
  });
  const stopHeartbeat = startHeartbeat({ io: realtime.io, lastSeq: () => changes.cursor.observation, told });

  // Alarms: judged after commit from the feed, written with their log, told by the feed whoever wrote them
  // (docs/alarms.md); on several nodes by the leader only, each term with an engine of its own (its memory starts
  // from the stored states, which the former leader wrote in the transactions of its alarms).
  const alarmTickMs = options.alarmTickMs ?? ALARM_TICK_MS;
  const startTerm = async (leader: TLeaderTerm | null): Promise<void> => {
    const shared = options.leadership?.shared ?? false;
    const alarms = new AlarmEngine({
      db,
      log,
      now,
      fence: leader?.fence,
      startupGraceMs: shared ? TAKEOVER_GRACE_MS : (options.alarmStartupGraceMs ?? STARTUP_GRACE_MS),
    });
    // The engine's feed resumes where the engine stopped judging (its stored position), not at the newest reading:
    // what the import CLI committed while no engine ran is judged at the start of a term.
    const judged = await startChangeFeed({
      db,
      log,
      subscribers: [(page) => alarms.onChanges(page)],
      from: { observation: await alarms.resumePosition() },
      wakeOnCommit: false,
    });
    if (alarmTickMs > 0) alarms.start(alarmTickMs);
    term = { alarms, judged };
  };
  const endTerm = async (): Promise<void> => {
    const ending = term;
    term = null;
    if (!ending) return;
    await ending.judged.caughtUp();
    await ending.judged.stop();
    await ending.alarms.stop();
  };
  if (options.leadership)
    options.leadership.onChange(async (leader) => {
      await endTerm();
      if (leader) await startTerm(leader);
    });
  else await startTerm(null);

  // Several nodes: each follows the logs itself (broadcastChanges); a commit here wakes the others' feeds through
  // Redis at once, rather than at their next poll.
  let stopWaking = (): void => undefined;
  if (options.redis) {
    attachRedisAdapter(realtime.io, options.redis);
    // A commit announced with its page sends it along (about 15 KB for a unit's second of readings), so that the
    // other nodes need not read it back: with N nodes, N − 1 reads of each page saved on the database.
    stopWaking = listenForCommits(db, (page) =>
      realtime.io.serverSideEmit("changes:committed", page ? encodeCommittedPage(page) : null),
    );
    realtime.io.on("changes:committed", (wire: unknown) => {
      if (wire === null || wire === undefined) return changes.kick();
      const received = decodeCommittedPage(wire);
      if (received.ok) return changes.offer(received.page.changes, received.page.span);
      // Read from the logs instead: the database is the truth, the message only spares a read.
      log.warn(`changes:committed from another node could not be read (${received.reason}); reading the logs`);
      changes.kick();
    });
  }

  // Every request passes the gate first (security headers, cross-site check, session); then the Node process's own
  // routes (ARCHITECTURE.md, the route map); then Next.
  const gate = createAuthGate({ db, config: auth, dev: options.dev ?? false, now });
  const nodeRoutes: NodeRoute[] = [
    readinessRoute({
      log,
      checks: {
        database: async () => {
          await db.$queryRawUnsafe("SELECT 1");
          return null;
        },
        changeFeed: () => {
          const behind = Date.now() - changes.lastCaughtUpAt();
          return behind > FEED_STALL_MS ? `last caught up ${Math.round(behind / 1000)} s ago` : null;
        },
        ...(options.redis ? { redis: () => (options.redis?.ready() ? null : "not connected") } : {}),
        ...options.readinessChecks,
      },
    }),
    authRoutes({ db, config: auth, throttle, endSockets: (ids, reason) => realtime.endSessions(ids, reason), log }),
  ];
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if ((await gate(req, res)).handled) return;
    if (nodeRoutes.some((route) => route(req, res))) return;
    if (options.nextHandler) return options.nextHandler(req, res);
    res
      .writeHead(404, { "content-type": "application/json" })
      .end(JSON.stringify({ error: { code: "NOT_FOUND", message: "not found" } }));
  };
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    // socket.io's engine answers its own path (it was attached first and sees every request): left to it. Answered
    // here too, a long-polling POST got a 404 from this handler (or a 401 from the gate) before the engine had read
    // its body, which broke the polling fallback a screen uses behind a proxy that refuses WebSocket. The handshake
    // checks the session and the origin itself (server/realtime/attach-realtime.ts).
    if ((req.url ?? "").startsWith("/socket.io/")) return;
    handle(req, res).catch((error: unknown) => sendError(res, error, log));
  });

  return {
    httpServer,
    writer,
    realtime,
    episodes,
    auth,
    get alarms() {
      return term?.alarms ?? null;
    },
    changes,
    mount: (route) => void nodeRoutes.push(route),
    async settled() {
      await term?.judged.caughtUp();
      await term?.alarms.idle();
      await changes.caughtUp();
    },
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo));
      }),
    async close() {
      // What is queued is committed, told and judged before the parts stop; the engine's state is stored last.
      await writer.drain();
      stopWaking();
      await endTerm();
      await changes.caughtUp();
      await changes.stop();
      stopHeartbeat();
      await realtime.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
