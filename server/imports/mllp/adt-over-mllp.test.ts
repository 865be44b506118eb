import { connect } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EpisodeDirectory } from "../../ingest/episode-directory";
import { ObservationWriter } from "../../ingest/observation-writer";
import { silentLogger } from "@/lib/log/logger";
import { adtMessage } from "@/test/support/adt-messages";
import { createTestDb, readOnOtherConnection, type TestDb } from "@/test/support/create-test-db";
import { seedTestUnit } from "@/test/support/seed-test-unit";
import { handleMllpMessage } from "./handle-mllp-message";
import { frameMllp, MllpFramer } from "./mllp-framer";
import { startMllpListener, type TMllpListener } from "./start-mllp-listener";

const NOW = new Date("2026-12-03T10:00:00Z");
let t: TestDb;
let listener: TMllpListener;

beforeEach(async () => {
  t = await createTestDb();
  await seedTestUnit(t.db, { unitId: "demo-icu", beds: 8 });
  const writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db), now: () => NOW });
  listener = await startMllpListener({
    port: 0,
    host: "127.0.0.1",
    log: silentLogger,
    handle: (message, peer) =>
      handleMllpMessage({ db: t.db, sink: writer, message, peer, timeZone: "Europe/Paris", now: () => NOW }),
  });
});
afterEach(async () => {
  await listener.close();
  await t.cleanup();
});

/** Sends the messages on one connection, each after the previous ACK, as an original-mode sender does. */
const converse = (messages: string[]) =>
  new Promise<string[][]>((resolve, reject) => {
    const socket = connect(listener.port, "127.0.0.1");
    const framer = new MllpFramer();
    const acks: string[][] = [];
    socket.on("data", (data: Buffer) => {
      for (const ack of framer.push(data)) acks.push(ack.split("\r").filter(Boolean));
      const next = messages[acks.length];
      if (next) socket.write(frameMllp(next));
      else {
        socket.end();
        resolve(acks);
      }
    });
    socket.on("error", reject);
    socket.on("connect", () => socket.write(frameMllp(messages[0] ?? "")));
  });
const field = (ack: string[], segment: string) => ack.find((s) => s.startsWith(`${segment}|`))?.split("|") ?? [];

describe("ADT over MLLP", () => {
  it("admits through PV1-3 demo-icu^^08, acknowledges each event after commit, and refuses a transfer to an occupied bed with an ERR", async () => {
    const [admitted, other, refused] = await converse([
      adtMessage({ event: "A01", controlId: "ADT-1", location: "demo-icu^^08" }),
      adtMessage({ event: "A01", controlId: "ADT-2", mrn: "MRN-ADT-2", location: "demo-icu^^02" }),
      adtMessage({ event: "A02", controlId: "ADT-3", location: "demo-icu^^02" }),
    ]);
    expect(field(admitted ?? [], "MSH")[8]).toBe("ACK^A01^ACK");
    expect(field(admitted ?? [], "MSA").slice(1, 4)).toEqual(["AA", "ADT-1", "admitted in bed 08"]);
    expect(field(other ?? [], "MSA")[1]).toBe("AA");
    // What the ACK promised is committed: another connection reads the stay.
    const rows = await readOnOtherConnection<{ bedId: string }>(
      t,
      `SELECT "bedId" FROM "Stay" WHERE "dischargedAt" IS NULL ORDER BY "admittedAt"`,
    );
    expect(rows.map((r) => r.bedId).sort()).toEqual(["demo-icu-bed-2", "demo-icu-bed-8"]);
    expect(field(refused ?? [], "MSH")[8]).toBe("ACK^A02^ACK");
    expect(field(refused ?? [], "MSA").slice(1, 3)).toEqual(["AE", "ADT-3"]);
    const err = field(refused ?? [], "ERR");
    expect(err[2]).toBe("PV1^1^3");
    expect(err[3]).toBe("204^Unknown key identifier^HL70357");
    expect(err[8]).toContain("Bed 02 is occupied");
    expect((await t.db.stay.findFirst({ where: { patient: { identifier: "MRN-ADT-1" } } }))?.bedId).toBe(
      "demo-icu-bed-8",
    );
  });

  it("accepts an ORU for a patient admitted by ADT before any support runs, and refuses one for a patient not admitted", async () => {
    const lactate = (controlId: string, mrn: string) =>
      [
        `MSH|^~\\&|LAB|CHU|ECMO-STATION|ICU|202612031045+0100||ORU^R01^ORU_R01|${controlId}|P|2.5.1`,
        `PID|1||${mrn}^^^CHU^MR`,
        `OBR|1|PLC-${controlId}|FIL-${controlId}|24336-0^Gas panel^LN|||202612031030+0100`,
        `OBX|1|NM|2518-9^Lactate [Moles/volume] in Arterial blood^LN||4.1|mmol/L|0.5-2|H|||F|||202612031030+0100`,
      ].join("\r");
    const [admitted, stored, refused] = await converse([
      adtMessage({ event: "A01", controlId: "ADT-1", location: "demo-icu^^08" }),
      lactate("ORU-1", "MRN-ADT-1"),
      lactate("ORU-2", "MRN-ADT-2"),
    ]);
    expect(field(admitted ?? [], "MSA")[1]).toBe("AA");
    expect(field(stored ?? [], "MSA")[1]).toBe("AA");
    const rows = await readOnOtherConnection<{ stayId: string; episodeId: string | null; bedId: string }>(
      t,
      `SELECT "stayId","episodeId","bedId" FROM "Observation" WHERE "parameter" = 'lactate'`,
    );
    const stay = await t.db.stay.findFirstOrThrow({ where: { patient: { identifier: "MRN-ADT-1" } } });
    expect(rows).toEqual([{ stayId: stay.id, episodeId: null, bedId: "demo-icu-bed-8" }]);
    // An unknown MRN is not admitted anywhere: refused, with the reason.
    expect(field(refused ?? [], "MSA")[1]).toBe("AE");
    expect(field(refused ?? [], "ERR")[3]).toBe("204^Unknown key identifier^HL70357");
  });

  it("answers AR to an ADT event the station does not take", async () => {
    const [ack] = await converse([
      adtMessage({ event: "A08", controlId: "ADT-9" }).replace("ADT^A08^ADT_A01", "ADT^A31^ADT_A05"),
    ]);
    expect(field(ack ?? [], "MSA")[1]).toBe("AR");
    expect(field(ack ?? [], "ERR")[2]).toBe("MSH^1^9");
  });
});
