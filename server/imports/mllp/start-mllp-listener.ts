import { createServer, type Socket } from "node:net";
import type { Logger } from "@/lib/log/logger";
import { frameMllp, MllpFramer } from "./mllp-framer";

export interface TMllpListener {
  readonly port: number;
  close(): Promise<void>;
}

export interface TStartMllpListenerOptions {
  port: number;
  host: string;
  log: Logger;
  /** Imports one message and returns the ACK to send; called only after the previous message's ACK was sent. */
  handle: (message: string, peer: string) => Promise<string>;
}

/**
 * The HL7 v2 MLLP listener (0x0B message 0x1C 0x0D over TCP), the way hospital interface engines send results. On each
 * connection, messages are handled one at a time in arrival order, so ACKs go back in order and a sender that waits
 * for each ACK (the usual original-mode behaviour) is answered only after its results are committed.
 */
export async function startMllpListener({
  port,
  host,
  log,
  handle,
}: TStartMllpListenerOptions): Promise<TMllpListener> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const peer = `${socket.remoteAddress ?? "?"}:${socket.remotePort ?? "?"}`;
    const framer = new MllpFramer();
    let queue = Promise.resolve();
    socket.on("data", (chunk: Buffer) => {
      let messages: string[];
      try {
        messages = framer.push(chunk);
      } catch (error) {
        log.warn(`MLLP ${peer}: ${error instanceof Error ? error.message : String(error)}; closing`);
        socket.destroy();
        return;
      }
      for (const message of messages) {
        queue = queue.then(async () => {
          try {
            const ack = await handle(message, peer);
            if (!socket.destroyed) socket.write(frameMllp(ack));
          } catch (error) {
            // No ACK: the sender's timeout makes it resend, which is what a failure we could not even describe needs.
            log.error(`MLLP ${peer}: message not handled`, error);
          }
        });
      }
    });
    socket.on("error", (error) => log.warn(`MLLP ${peer}: ${error.message}`));
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.end();
        server.close(() => resolve());
        setTimeout(() => {
          for (const socket of sockets) socket.destroy();
        }, 1_000).unref();
      }),
  };
}
