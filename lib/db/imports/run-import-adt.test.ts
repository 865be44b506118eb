import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readHl7File } from "@/lib/imports/hl7/read-hl7-file";
import { EpisodeDirectory } from "@/server/ingest/episode-directory";
import { ObservationWriter } from "@/server/ingest/observation-writer";
import { adtMessage } from "@/test/support/adt-messages";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { seedImportPatients } from "@/test/support/seed-import-patients";
import { getBedDetail } from "../beds/get-bed-detail";
import { resolveLabRefusal } from "../labs/resolve-lab-refusal";
import { listImportRejections } from "./list-import-rejections";
import { runImport } from "./run-import";

const NOW = new Date("2026-12-03T10:00:00Z");
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await seedImportPatients(t.db, [{ identifier: "MRN-1", episodeStartedAt: new Date("2026-12-02T00:00:00Z") }]);
  await t.db.bed.create({ data: { id: "import-unit-bed-9", unitId: "import-unit", label: "09", position: 9 } });
});
afterEach(async () => {
  await t.cleanup();
});

const lactate = (controlId: string) =>
  [
    `MSH|^~\\&|LABSYS|CHU||ICU|202612030905+0100||ORU^R01^ORU_R01|${controlId}|P|2.5.1`,
    "PID|1||MRN-1^^^CHU^MR||Doe^Jane",
    "OBR|1|O1|F1|24336-0^Gas panel^LN|||202612030800+0100",
    "OBX|1|NM|2518-9^Lactate [Moles/volume] in Arterial blood^LN||3.2|mmol/L|0.5-2|H|||F|||202612030805+0100",
  ].join("\r");

describe("an HL7 file mixing ADT and results", () => {
  it("applies each ADT message in its place, stores the results, and reports a refused event with its field", async () => {
    const file = [
      lactate("L1"),
      adtMessage({ event: "A01", controlId: "A1", mrn: "MRN-NEW", location: "import-unit^^09" }),
      // Bed I1 is MRN-1's: the transfer is refused and the patient stays in 09.
      adtMessage({ event: "A02", controlId: "A2", mrn: "MRN-NEW", location: "import-unit^^I1" }),
      lactate("L2").replace("3.2|", "3.4|").replace("0805", "0815"),
    ].join("\r\n");
    const writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db), now: () => NOW });
    const summary = await runImport({
      db: t.db,
      sink: writer,
      items: readHl7File({ input: Readable.from([file]), file: "adt.hl7", timeZone: "Europe/Paris" }),
      kind: "hl7",
      fileName: "adt.hl7",
      actor: "cli:test",
      now: () => NOW,
    });
    expect(summary).toMatchObject({ status: "done", processed: 4, accepted: 3, rejected: 1 });
    expect(await t.db.observation.count()).toBe(2);
    expect((await t.db.stay.findFirst({ where: { patient: { identifier: "MRN-NEW" } } }))?.bedId).toBe(
      "import-unit-bed-9",
    );
    const rejections = [];
    for await (const r of listImportRejections({ db: t.db, jobId: summary.jobId })) rejections.push(r);
    expect(rejections).toEqual([
      expect.objectContaining({ location: "adt.hl7 line 9", field: "PV1-3", code: "ADT_REFUSED" }),
    ]);
    expect(rejections[0]?.reason).toContain("Bed I1 is occupied");
  });
});

describe("a result refused for a patient admitted by ADT with no support running", () => {
  it("is shown at the bed with a technical alarm of the stay until someone deals with it", async () => {
    const file = [
      adtMessage({ event: "A01", controlId: "A1", mrn: "MRN-NEW", location: "import-unit^^09" }),
      // An anti-Xa whose unit cannot be read, taken after the admission (09:00Z), before any cannulation.
      [
        "MSH|^~\\&|LABSYS|CHU||ICU|202612031015+0100||ORU^R01^ORU_R01|X1|P|2.5.1",
        "PID|1||MRN-NEW^^^CHU^MR||Testpatient^Alex",
        "OBR|1|O9|F9|3274-8^Anti-Xa^LN|||202612031005+0100",
        "OBX|1|NM|3274-8^Heparin anti-Xa^LN|1|0.41|bogus-per-mL|0.30-0.70||||F|||202612031005+0100",
      ].join("\r"),
    ].join("\r\n");
    const writer = new ObservationWriter({ db: t.db, episodes: new EpisodeDirectory(t.db), now: () => NOW });
    const summary = await runImport({
      db: t.db,
      sink: writer,
      items: readHl7File({ input: Readable.from([file]), file: "admit-and-lab.hl7", timeZone: "Europe/Paris" }),
      kind: "hl7",
      fileName: "admit-and-lab.hl7",
      actor: "cli:test",
      now: () => NOW,
    });
    expect(summary).toMatchObject({ status: "done", processed: 2, accepted: 1, rejected: 1 });
    const stay = await t.db.stay.findFirstOrThrow({ where: { patient: { identifier: "MRN-NEW" } } });
    expect(await t.db.supportEpisode.count({ where: { stayId: stay.id } })).toBe(0);

    const detail = await getBedDetail({ db: t.db, bedId: "import-unit-bed-9", now: NOW });
    expect(detail.episode).toBeNull();
    expect(detail.labRefusals).toEqual([
      {
        id: expect.stringMatching(/./) as string,
        parameter: "anti_xa",
        at: Date.parse("2026-12-03T09:05:00Z"),
        kind: "unit",
        value: "bogus-per-mL",
      },
    ]);
    const alarm = await t.db.alarm.findFirstOrThrow({ where: { ruleId: "lab-result-unreadable" } });
    expect(alarm).toMatchObject({
      stayId: stay.id,
      episodeId: null,
      bedId: "import-unit-bed-9",
      priority: "technical",
      status: "active",
      origin: "labs",
    });

    const user = await t.db.user.create({
      data: {
        id: "u-nurse",
        username: "nurse.adt",
        displayName: "Nurse",
        role: "nurse",
        createdAt: NOW,
        updatedAt: NOW,
      },
    });
    const actor = { userId: user.id, username: user.username, role: user.role };
    const refusalId = detail.labRefusals?.[0]?.id ?? "";
    await resolveLabRefusal({ db: t.db, bedId: "import-unit-bed-9", refusalId, actor, context: null, now: NOW });
    expect((await getBedDetail({ db: t.db, bedId: "import-unit-bed-9", now: NOW })).labRefusals).toEqual([]);
    expect(await t.db.alarm.findUniqueOrThrow({ where: { id: alarm.id } })).toMatchObject({ status: "resolved" });
  });
});
