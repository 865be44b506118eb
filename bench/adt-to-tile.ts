import { spawn } from "node:child_process";
import { connect as connectTcp, createServer } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { frameMllp, MllpFramer } from "@/server/imports/mllp/mllp-framer";
import { createTestDb } from "@/test/support/create-test-db";
import { seedBenchWorld, signInBenchNurse } from "./world";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

const hl7Time = (d: Date) => d.toISOString().replace(/[-:T]/g, "").slice(0, 14) + "+0000";

/**
 * Time from an ADT message to the tile's notice (`stay:changed`) reaching socket clients subscribed to the unit, at
 * 64 beds under the device load (64 beds × 12 parameters at 1 Hz, bench-producer.ts). The station runs in its own
 * process with its MLLP listener; this process is the interface engine (it sends each message and waits for its ACK,
 * original mode) and the screens. Messages alternate an A02 (the patient of a bed moves to the one free bed, so the
 * free bed walks round the unit) and an A08 (a weight change). The commit happens between the send and the ACK, so
 * the figure timed from the send is an upper bound of commit → screen: it includes reading the message and the
 * transaction. The screens then read their snapshot again over HTTP, which the fan-out bench times under load.
 */
export async function benchAdtToTile({ messages, clients, beds }: { messages: number; clients: number; beds: number }) {
  const t = await createTestDb();
  await seedBenchWorld(t.db, beds);
  // One more bed, free: where the first transfer goes.
  await t.db.bed.create({ data: { id: "bench-bed-free", unitId: "bench-unit", label: "FREE", position: beds + 1 } });
  const cookie = await signInBenchNurse(t.db);
  await t.db.$disconnect();
  const [port, mllpPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ["--import", "tsx", "bench/bench-server.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      PORT: String(port),
      BENCH_BEDS: String(beds),
      BENCH_MLLP_PORT: String(mllpPort),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) =>
    child.stdout.on("data", (d: Buffer) => d.toString().includes("READY") && resolve()),
  );

  // The first arrival of a stay's notice at each client, per message: sent time by stay id.
  let pending: { stayId: string; sentAt: number; arrivals: number } | null = null;
  const latencies: number[] = [];
  let arrived: (() => void) | null = null;
  const sockets: Socket[] = [];
  for (let i = 0; i < clients; i++) {
    const socket = connect(`http://127.0.0.1:${port}`, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: { cookie },
    });
    const seen = new Set<string>();
    socket.on("stay:changed", ({ stayId }: { stayId: string }) => {
      const p = pending;
      if (!p || p.stayId !== stayId) return;
      const key = `${p.sentAt}:${i}`;
      if (seen.has(key)) return; // A move tells both beds: the first notice is the tile's update.
      seen.add(key);
      latencies.push(performance.now() - p.sentAt);
      if (++p.arrivals === clients) arrived?.();
    });
    await new Promise<void>((resolve) =>
      socket.on("connect", () =>
        socket.emit("unit:subscribe", { unitId: "bench-unit", sinceSeq: 1e12 }, () => resolve()),
      ),
    );
    sockets.push(socket);
  }

  const mllp = connectTcp(mllpPort, "127.0.0.1");
  await new Promise<void>((resolve) => mllp.on("connect", () => resolve()));
  const framer = new MllpFramer();
  let acked: ((ack: string) => void) | null = null;
  mllp.on("data", (d: Buffer) => {
    for (const ack of framer.push(d)) acked?.(ack);
  });
  // Where each patient is: the walk of the free bed.
  const bedOf = new Map<number, string>(Array.from({ length: beds }, (_, i) => [i + 1, String(i + 1)]));
  let free = "FREE";
  const ackMs: number[] = [];
  let refused = 0;
  let timedOut = 0;
  // A few seconds of the device load before anything is timed (JIT, page cache).
  await new Promise((r) => setTimeout(r, 5_000));
  for (let n = 0; n < messages; n++) {
    const patient = (n % beds) + 1;
    const move = n % 2 === 0;
    const segments = [
      `MSH|^~\\&|BENCH-HIS|CHU|ECMO-STATION|ICU|${hl7Time(new Date())}||ADT^${move ? "A02^ADT_A02" : "A08^ADT_A01"}|B${n}|P|2.5.1`,
      `EVN|${move ? "A02" : "A08"}|${hl7Time(new Date())}`,
      `PID|1||BENCH-${patient}^^^CHU^MR||P${patient}^Bench||19600101|M`,
      `PV1|1|I|${move ? `bench-unit^^${free}` : ""}`,
      ...(move ? [] : [`OBX|1|NM|29463-7^Body weight^LN||${60 + (n % 40)}|kg|||||F`]),
    ];
    const stayId = `bench-s-${patient}`;
    const sentAt = performance.now();
    pending = { stayId, sentAt, arrivals: 0 };
    const allArrived = new Promise<boolean>((resolve) => {
      arrived = () => resolve(true);
      setTimeout(() => resolve(false), 10_000);
    });
    const ack = await new Promise<string>((resolve) => {
      acked = resolve;
      mllp.write(frameMllp(segments.join("\r")));
    });
    ackMs.push(performance.now() - sentAt);
    if (!ack.includes("MSA|AA")) {
      refused++;
      continue;
    }
    if (move) {
      const from = bedOf.get(patient) ?? "";
      bedOf.set(patient, free);
      free = from;
    }
    if (!(await allArrived)) timedOut++;
    pending = null;
  }
  mllp.end();
  for (const s of sockets) s.close();
  child.kill("SIGTERM");
  await t.cleanup();
  return {
    beds,
    clients,
    messages,
    refused,
    messagesWithAClientMissing: timedOut,
    deliveries: latencies.length,
    messageToTileP50Ms: Math.round(at(latencies, 50)),
    messageToTileP99Ms: Math.round(at(latencies, 99)),
    messageToTileMaxMs: Math.round(Math.max(...latencies)),
    ackRoundTripP50Ms: Math.round(at(ackMs, 50)),
    ackRoundTripP99Ms: Math.round(at(ackMs, 99)),
  };
}

function at(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
