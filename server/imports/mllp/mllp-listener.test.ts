import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EpisodeDirectory } from "../../ingest/episode-directory";
import { ObservationWriter } from "../../ingest/observation-writer";
import { silentLogger } from "@/lib/log/logger";
import { createTestDb, readOnOtherConnection, type TestDb } from "@/test/support/create-test-db";
import { externalFile } from "@/test/support/external-data";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { handleMllpMessage } from "./handle-mllp-message";
import { frameMllp, MAX_MLLP_MESSAGE_BYTES, MllpFramer } from "./mllp-framer";
import { startMllpListener, type TMllpListener } from "./start-mllp-listener";

const NOW = new Date("2026-11-23T10:00:00Z");
let t: TestDb;
let listener: TMllpListener;
/** Rows another connection can read: what the ACK promises is committed. */
const storedCount = async () =>
  (await readOnOtherConnection<{ n: number }>(t, `SELECT COUNT(*) AS n FROM "Observation"`))[0]?.n ?? 0;
let countAtAck: number[] = [];

const lactate = (controlId: string, value = "3.2") =>
  [
    "MSH|^~\\&|LABSYS|CHU||ICU|202611230905+0100||ORU^R01^ORU_R01|" + controlId + "|P|2.5.1",
    "PID|1||MRN-1^^^CHU^MR||Doe^Jane",
    "OBR|1|O1|F1|24336-0^Gas panel^LN|||202611230800+0100",
    `OBX|1|NM|2518-9^Lactate [Moles/volume] in Arterial blood^LN||${value}|mmol/L|0.5-2|H|||F|||202611230805+0100`,
  ].join("\r");

/** A test client: sends frames (possibly in odd chunks) and resolves with the ACKs once `expected` have arrived. */
const exchange = (chunks: Buffer[], expected: number) =>
  new Promise<string[][]>((resolve, reject) => {
    const socket = connect(listener.port, "127.0.0.1");
    const framer = new MllpFramer();
    const acks: string[][] = [];
    socket.on("data", (data: Buffer) => {
      for (const ack of framer.push(data)) acks.push(ack.split("\r").filter(Boolean));
      if (acks.length >= expected) {
        socket.end();
        resolve(acks);
      }
    });
    socket.on("error", reject);
    socket.on("connect", () => {
      for (const chunk of chunks) socket.write(chunk);
    });
  });
const send = async (message: string) => (await exchange([frameMllp(message)], 1))[0] ?? [];
const msa = (ack: string[]) => ack.find((s) => s.startsWith("MSA|"))?.split("|") ?? [];
const errs = (ack: string[]) => ack.filter((s) => s.startsWith("ERR|")).map((s) => s.split("|"));

beforeEach(async () => {
  t = await createTestDb();
  await seedImportPatients(t.db, [
    { identifier: "MRN-1", episodeStartedAt: new Date("2026-11-22T00:00:00Z") },
    { identifier: "PATID1234", episodeStartedAt: new Date("2011-01-01T00:00:00Z") },
  ]);
  const writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db), now: () => NOW });
  countAtAck = [];
  listener = await startMllpListener({
    port: 0,
    host: "127.0.0.1",
    log: silentLogger,
    handle: async (message, peer) => {
      const ack = await handleMllpMessage({
        db: t.db,
        sink: writer,
        message,
        peer,
        timeZone: "Europe/Paris",
        now: () => NOW,
      });
      countAtAck.push(await storedCount());
      return ack;
    },
  });
});
afterEach(async () => {
  await listener.close();
  await t.cleanup();
});

describe("the MLLP listener", () => {
  it("answers a good ORU^R01 with AA echoing its control id, once the result can be read back from the database", async () => {
    const ack = await send(lactate("CTRL-1"));
    // Addressed back: the sender's MSH-5/6 (none / ICU) become MSH-3/4, its MSH-3/4 (LABSYS / CHU) MSH-5/6.
    expect(ack[0]).toMatch(
      /^MSH\|\^~\\&\|ECMO-STATION\|ICU\|LABSYS\|CHU\|\d{14}\+0000\|\|ACK\^R01\^ACK\|\w+\|P\|2\.5\.1$/,
    );
    expect(msa(ack).slice(0, 3)).toEqual(["MSA", "AA", "CTRL-1"]);
    expect(countAtAck).toEqual([1]);
    expect(
      await t.db.observation.findFirst({ select: { parameter: true, value: true, observedAt: true, source: true } }),
    ).toEqual({
      parameter: "lactate",
      value: 3.2,
      observedAt: new Date("2026-11-23T07:05:00Z"),
      source: "hl7",
    });
  });

  it("answers a re-sent message with AA again and stores nothing more", async () => {
    await send(lactate("CTRL-1"));
    const again = await send(lactate("CTRL-1"));
    expect(msa(again)[1]).toBe("AA");
    expect(msa(again)[3]).toMatch(/0 stored, 1 already stored/);
    expect(await storedCount()).toBe(1);
  });

  // g/mL is a unit UCUM reads (issue 16): the haemoglobin's 12.5 g/mL is 1250 g/dL, refused as implausible (OBX-5).
  it("answers the NIST message with AE and an ERR naming OBX^2^5 and the implausible g/mL value, having stored its platelets", async () => {
    const ack = await send(readFileSync(externalFile("hl7v2/nist_lri_cbc_oru_r01.hl7"), "utf8"));
    expect(msa(ack).slice(0, 3)).toEqual(["MSA", "AE", "NIST-LRI-NG-002.00"]);
    const [err] = errs(ack);
    expect(err?.[2]).toBe("OBX^2^5");
    expect(err?.[3]).toBe("102^Data type error^HL70357");
    expect(err?.[4]).toBe("E");
    expect(err?.[8]).toMatch(/12\.5 g\/mL.*1250 g\/dL.*outside the plausible range/);
    expect(await storedCount()).toBe(1);
  });

  it("answers AA with an information ERR for a pending result (I, specimen in the lab): the final one will follow", async () => {
    const ack = await send(lactate("CTRL-2").replace("|H|||F|", "|H|||I|"));
    expect(msa(ack)[1]).toBe("AA");
    expect(errs(ack)[0]?.slice(2, 5)).toEqual(["OBX^1^11", "101^Required field missing^HL70357", "I"]);
    expect(await storedCount()).toBe(0);
  });

  it("stores a preliminary result (P) as preliminary and answers AA without ERR (issue 16)", async () => {
    const ack = await send(lactate("CTRL-3").replace("|H|||F|", "|H|||P|"));
    expect(msa(ack)[1]).toBe("AA");
    expect(msa(ack)[3]).toMatch(/^1 stored/);
    expect(errs(ack)).toEqual([]);
    expect(
      await readOnOtherConnection<{ resultStatus: string }>(t, `SELECT "resultStatus" FROM "Observation"`),
    ).toEqual([{ resultStatus: "preliminary" }]);
  });

  it.each([
    ["not HL7 at all", "hello", /not an HL7 v2 message/, "100"],
    [
      "an ADT event the station does not take (ADT events it takes: adt-over-mllp.test.ts)",
      lactate("C9").replace("ORU^R01^ORU_R01", "ADT^A31^ADT_A05"),
      /ADT\\S\\A31 is not supported/,
      "200",
    ],
    ["a message without a control id", lactate(""), /MSH-10/, "101"],
  ])("answers %s with AR naming the error", async (_, message, reason, code) => {
    const ack = await send(message);
    expect(msa(ack)[1]).toBe("AR");
    expect(msa(ack)[3]).toMatch(reason);
    expect(errs(ack)[0]?.[3]).toMatch(new RegExp(`^${code}\\^`));
    expect(await storedCount()).toBe(0);
  });

  it("answers messages in order, whether they arrive together in one packet or split across several", async () => {
    const bytes = Buffer.concat([
      frameMllp(lactate("A", "2.1")),
      frameMllp(lactate("B", "2.2")),
      frameMllp(lactate("C", "2.3")),
    ]);
    const acks = await exchange([bytes.subarray(0, 7), bytes.subarray(7, 300), bytes.subarray(300)], 3);
    expect(acks.map((a) => msa(a).slice(1, 3))).toEqual([
      ["AA", "A"],
      ["AA", "B"],
      ["AA", "C"],
    ]);
    expect(countAtAck).toEqual([1, 2, 3]);
  });

  it("answers an empty frame and a frame of garbage with AR, and goes on with the next message", async () => {
    const acks = await exchange([frameMllp(""), frameMllp("\u0000\u0001garbage"), frameMllp(lactate("OK"))], 3);
    expect(acks.map((a) => msa(a)[1])).toEqual(["AR", "AR", "AA"]);
  });

  it("answers a message over 1 MB with AR to its header, then closes the connection, with the reason logged", async () => {
    await listener.close();
    const warnings: string[] = [];
    listener = await startMllpListener({
      port: 0,
      host: "127.0.0.1",
      log: { ...silentLogger, warn: (m) => warnings.push(m) },
      handle: () => Promise.resolve("never called"),
    });
    const huge = lactate("BIG") + "\r" + "NTE|1||".padEnd(MAX_MLLP_MESSAGE_BYTES + 10, "x");
    const [ack = []] = await exchange([frameMllp(huge)], 1);
    expect(msa(ack).slice(0, 3)).toEqual(["MSA", "AR", "BIG"]);
    expect(msa(ack)[3]).toMatch(/larger than 1048576 bytes/);
    expect(warnings.join("\n")).toMatch(/larger than .*answered AR and closing/);
  });

  it("answers AR when handling fails unexpectedly, instead of leaving the sender to its timeout", async () => {
    await listener.close();
    listener = await startMllpListener({
      port: 0,
      host: "127.0.0.1",
      log: silentLogger,
      handle: () => Promise.reject(new Error("disk full")),
    });
    const ack = await send(lactate("FAIL-1"));
    expect(msa(ack).slice(0, 3)).toEqual(["MSA", "AR", "FAIL-1"]);
    expect(errs(ack)[0]?.[3]).toMatch(/^207\^/);
  });
});
