import { io as connect, type Socket } from "socket.io-client";
import { unpackObservations } from "@/lib/observations/packed-observations";

/** Delivery delays (ms → count) of the clients on node A (readings committed on the other node) and on node B. */
export interface TFollowerFigures {
  otherNode: [ms: number, count: number][];
  sameNode: [ms: number, count: number][];
  /**
   * Per tick of the producer (its device readings share one observedAt: a bed's, or with "aligned" every bed's), the
   * delay of the first client on A to receive it: the station's path without the other clients' queue.
   */
  otherNodeFirst: [observedAt: number, ms: number][];
}

/**
 * Socket clients following the bench unit, the even ones on node A (port `a`), the odd ones on node B, each recording
 * now − observedAt for every reading it decodes once counting is on. Run in the bench's own process or in processes
 * of their own (bench/unit-followers-process.ts), so that their decoding need not queue behind one event loop.
 */
export async function followUnit({
  ports,
  cookie,
  clients,
  firstIndex = 0,
}: {
  ports: { a: number; b: number };
  cookie: string;
  clients: number;
  /** The index of the first client (even: on A), so that clients split over processes still alternate. */
  firstIndex?: number;
}) {
  const otherNode = new Map<number, number>();
  const sameNode = new Map<number, number>();
  const otherNodeFirst = new Map<number, number>();
  let counting = false;
  const sockets: Socket[] = [];
  const connectClient = async (i: number): Promise<void> => {
    const onA = i % 2 === 0;
    const histogram = onA ? otherNode : sameNode;
    const socket = connect(`http://127.0.0.1:${onA ? ports.a : ports.b}`, {
      transports: ["websocket"],
      forceNew: true,
      extraHeaders: { cookie },
    });
    socket.on("observation:recorded", ({ readings }: { readings: unknown }) => {
      if (!counting) return;
      // Unpacked and checked as a screen's transport does (lib/client/socket-transport.ts): its cost is the screen's.
      const unpacked = unpackObservations(readings);
      if (!unpacked.ok) throw new Error(`bench: observation:recorded could not be read: ${unpacked.reason}`);
      const now = Date.now();
      for (const o of unpacked.observations) {
        const ms = now - o.observedAt;
        histogram.set(ms, (histogram.get(ms) ?? 0) + 1);
        // The producer's ticks only: the lactate triggers (one reading each, four a second) are quicker than a burst,
        // and counted with them they made up four fifths of this figure.
        if (onA && o.parameter !== "lactate")
          otherNodeFirst.set(o.observedAt, Math.min(otherNodeFirst.get(o.observedAt) ?? Infinity, ms));
      }
    });
    await new Promise<void>((resolve) =>
      socket.on("connect", () =>
        socket.emit("unit:subscribe", { unitId: "bench-unit", sinceSeq: 1e12 }, () => resolve()),
      ),
    );
    sockets.push(socket);
  };
  // Twenty at a time: one by one, 200 clients took minutes to subscribe on a loaded machine.
  for (let from = 0; from < clients; from += 20)
    await Promise.all(
      Array.from({ length: Math.min(20, clients - from) }, (_, k) => connectClient(firstIndex + from + k)),
    );
  return {
    count(on: boolean) {
      counting = on;
    },
    figures(): TFollowerFigures {
      return { otherNode: [...otherNode], sameNode: [...sameNode], otherNodeFirst: [...otherNodeFirst] };
    },
    close() {
      for (const s of sockets) s.close();
    },
  };
}
