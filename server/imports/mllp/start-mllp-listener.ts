import { createServer, type Socket } from "node:net";
import type { Logger } from "@/lib/log/logger";
import { buildHl7Ack } from "@/lib/imports/hl7/build-hl7-ack";
import { frameMllp, MllpFramer, MllpFrameTooLarge } from "./mllp-framer";

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
    let closing = false;
    const answer = (message: string) => {
      queue = queue.then(async () => {
        let ack: string;
        try {
          ack = await handle(message, peer);
        } catch (error) {
          // Every frame is answered: a failure nobody planned for is an AR (application error), so that the sender
          // resends later rather than wait for its timeout; the log holds the cause.
          log.error(`MLLP ${peer}: message not handled; answered AR`, error);
          ack = refuse(message, "the station could not handle this message: resend later");
        }
        if (!socket.destroyed) socket.write(frameMllp(ack));
      });
    };
    socket.on("data", (chunk: Buffer) => {
      if (closing) return;
      let messages: string[];
      try {
        messages = framer.push(chunk);
      } catch (error) {
        if (error instanceof MllpFrameTooLarge) for (const message of error.before) answer(message);
        // Over the size limit: answered AR (to the message's header, read from its first bytes) after the messages
        // before it, then the connection is closed, since the rest of this frame cannot be told from the next one.
        closing = true;
        const reason = error instanceof Error ? error.message : String(error);
        log.warn(`MLLP ${peer}: ${reason}; answered AR and closing the connection`);
        const head = error instanceof MllpFrameTooLarge ? error.head : "";
        queue = queue.then(() => {
          if (!socket.destroyed) socket.end(frameMllp(refuse(head, `${reason}: split it, or send it as a file`)));
        });
        return;
      }
      if (framer.discarded > 0) {
        log.warn(`MLLP ${peer}: ${framer.discarded} bytes outside any MLLP frame (0x0B … 0x1C 0x0D) dropped`);
        framer.discarded = 0;
      }
      for (const message of messages) answer(message);
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

/** An AR with one ERR 207 (application internal error) saying why, addressed from whatever header the message has. */
function refuse(received: string, reason: string): string {
  return buildHl7Ack({
    received,
    code: "AR",
    text: reason.slice(0, 80),
    errors: [{ code: "207", severity: "E", message: reason }],
    now: new Date(),
  });
}
