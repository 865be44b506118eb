import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, openRawSql, type TestDb } from "@/test/support/create-test-db";
import { seedTestEpisode } from "@/test/support/seed-test-episode";
import { signProtocolStep } from "../protocols/sign-protocol-step";
import { startProtocol } from "../protocols/start-protocol";
import { addHandoverAction } from "./add-handover-action";
import { amendHandover } from "./amend-handover";
import { completeHandoverAction } from "./complete-handover-action";
import { getHandoverSheet } from "./get-handover-sheet";
import { getUnitHandover } from "./get-unit-handover";
import { listBedHandovers } from "./list-bed-handovers";
import { receiveHandover } from "./receive-handover";
import { saveHandoverDraft } from "./save-handover-draft";
import { signOutHandover } from "./sign-out-handover";

const at = (iso: string) => new Date(iso);
// Wednesday 18 November 2026, Paris (UTC+1): the day shift runs 06:00Z–18:00Z.
const DAY = "2026-11-18/day";
const outgoing = { userId: "n1", username: "anurse", role: "nurse" as const };
const incoming = { userId: "n2", username: "bnurse", role: "nurse" as const };
const draft = {
  version: 0,
  illnessSeverity: "watcher" as const,
  situation: "Weaning the balloon.",
  contingencies: [{ if: "MAP < 65", then: "back to 1:1 and call" }],
  notes: "",
};

let t: TestDb;
let bedId: string;
let episodeId: string;
beforeEach(async () => {
  t = await createTestDb();
  ({ bedId, episodeId } = await seedTestEpisode(t.db, { deviceType: "IABP", startedAt: at("2026-11-16T08:00:00Z") }));
  for (const u of [outgoing, incoming]) {
    await t.db.user.create({
      data: {
        id: u.userId,
        username: u.username,
        displayName: u.username.toUpperCase(),
        role: "nurse",
        createdAt: new Date(0),
        updatedAt: new Date(0),
      },
    });
  }
});
afterEach(() => t.cleanup());

describe("the handover of one bed", () => {
  it("goes not started → drafted → signed out → received, each step audited", async () => {
    const now = at("2026-11-18T17:30:00Z");
    expect((await getHandoverSheet({ db: t.db, bedId, shiftKey: DAY, now: now.getTime() })).status).toBe("not_started");
    await saveHandoverDraft({ db: t.db, bedId, shiftKey: DAY, draft, actor: outgoing, context: null, now });
    const drafted = await getHandoverSheet({ db: t.db, bedId, shiftKey: DAY, now: now.getTime() });
    expect(drafted).toMatchObject({
      status: "draft",
      version: 1,
      frozen: false,
      content: { situation: "Weaning the balloon." },
    });

    await signOutHandover({
      db: t.db,
      bedId,
      shiftKey: DAY,
      signOut: { ...draft, version: 1 },
      actor: outgoing,
      context: null,
      now: at("2026-11-18T17:45:00Z"),
    });
    const signed = await getHandoverSheet({
      db: t.db,
      bedId,
      shiftKey: DAY,
      now: at("2026-11-18T18:30:00Z").getTime(),
    });
    expect(signed).toMatchObject({
      status: "signed_out",
      frozen: true,
      signedOut: { by: { id: "n1", name: "ANURSE" } },
    });
    // Frozen at the sign-out: the data runs to 17:45, not to the shift's end nor to the reading time.
    expect(signed.data?.coversUntil).toBe(at("2026-11-18T17:45:00Z").getTime());

    await expect(
      receiveHandover({
        db: t.db,
        bedId,
        shiftKey: DAY,
        receive: { readBack: "Balloon weaning, back to 1:1 if MAP < 65." },
        actor: outgoing,
        context: null,
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      reason: { key: "handoverReceiveOwn" },
    });
    await receiveHandover({
      db: t.db,
      bedId,
      shiftKey: DAY,
      receive: { readBack: "Balloon weaning, back to 1:1 if MAP < 65." },
      actor: incoming,
      context: null,
      now: at("2026-11-18T18:05:00Z"),
    });
    const received = await getHandoverSheet({
      db: t.db,
      bedId,
      shiftKey: DAY,
      now: at("2026-11-18T18:30:00Z").getTime(),
    });
    expect(received).toMatchObject({
      status: "received",
      received: { by: { id: "n2" }, readBack: "Balloon weaning, back to 1:1 if MAP < 65." },
    });

    const audited = await t.db.auditEvent.findMany({
      where: { action: { startsWith: "handover." } },
      orderBy: { id: "asc" },
    });
    expect(audited.map((a) => [a.action, a.actorId])).toEqual([
      ["handover.drafted", "n1"],
      ["handover.drafted", "n1"],
      ["handover.signed-out", "n1"],
      ["handover.received", "n2"],
    ]);
  });

  it("keeps a signed sheet immutable, in the code and in the database, and records amendments with their reason", async () => {
    const now = at("2026-11-18T17:30:00Z");
    await signOutHandover({ db: t.db, bedId, shiftKey: DAY, signOut: draft, actor: outgoing, context: null, now });
    await expect(
      saveHandoverDraft({
        db: t.db,
        bedId,
        shiftKey: DAY,
        draft: { ...draft, version: 2 },
        actor: outgoing,
        context: null,
        now,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", reason: { key: "handoverSigned" } });
    // Prisma reports any trigger abort as a foreign-key error; the raw driver gives the trigger's own message.
    await expect(
      t.db.handoverSheet.updateMany({ where: { bedId }, data: { situation: "rewritten" } }),
    ).rejects.toThrow();

    await amendHandover({
      db: t.db,
      bedId,
      shiftKey: DAY,
      amendment: { field: "illnessSeverity", value: "unstable", reason: "Lactate 4.2 came back at 17:50" },
      actor: outgoing,
      context: null,
      now: at("2026-11-18T17:55:00Z"),
    });
    const sheet = await getHandoverSheet({ db: t.db, bedId, shiftKey: DAY, now: at("2026-11-18T18:00:00Z").getTime() });
    expect(sheet.content.illnessSeverity).toBe("watcher");
    expect(sheet.inForce.illnessSeverity).toBe("unstable");
    expect(sheet.amendments).toMatchObject([
      { field: "illnessSeverity", value: "unstable", reason: "Lactate 4.2 came back at 17:50" },
    ]);
    await t.db.$disconnect();
    const raw = await openRawSql(t);
    try {
      await expect(raw.run(`UPDATE "HandoverSheet" SET "notes" = 'rewritten'`)).rejects.toThrow(
        /signed handover sheet is immutable/,
      );
      await expect(raw.run(`DELETE FROM "HandoverSheet"`)).rejects.toThrow(/cannot be deleted/);
      await expect(raw.run(`DELETE FROM "HandoverAmendment"`)).rejects.toThrow(/append-only/);
      await expect(raw.run(`UPDATE "HandoverAmendment" SET "reason" = 'other'`)).rejects.toThrow(/append-only/);
      // The receipt may still be added, once.
      await raw.run(
        `UPDATE "HandoverSheet" SET "status" = 'received', "receivedAt" = ?, "receivedById" = 'n2', "readBack" = 'ok'`,
        raw.time(1),
      );
      await expect(raw.run(`UPDATE "HandoverSheet" SET "readBack" = 'changed'`)).rejects.toThrow(/immutable/);
    } finally {
      await raw.close();
    }
  });

  it("refuses a save based on an older version rather than overwriting someone's text", async () => {
    const now = at("2026-11-18T10:00:00Z");
    await saveHandoverDraft({ db: t.db, bedId, shiftKey: DAY, draft, actor: outgoing, context: null, now });
    await saveHandoverDraft({
      db: t.db,
      bedId,
      shiftKey: DAY,
      draft: { ...draft, version: 1, notes: "first" },
      actor: outgoing,
      context: null,
      now,
    });
    await expect(
      saveHandoverDraft({
        db: t.db,
        bedId,
        shiftKey: DAY,
        draft: { ...draft, version: 1, notes: "second" },
        actor: incoming,
        context: null,
        now,
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { reason: "stale-version" },
      reason: { key: "handoverStale" },
    });
  });

  it("carries an open action over to the next shift's sheet until someone marks it done, and freezes it on the signed one", async () => {
    const { actionId } = await addHandoverAction({
      db: t.db,
      bedId,
      text: "Anti-Xa 6 h after the heparin change",
      actor: outgoing,
      context: null,
      now: at("2026-11-18T10:00:00Z"),
    });
    await signOutHandover({
      db: t.db,
      bedId,
      shiftKey: DAY,
      signOut: draft,
      actor: outgoing,
      context: null,
      now: at("2026-11-18T17:50:00Z"),
    });
    const night = await getHandoverSheet({
      db: t.db,
      bedId,
      shiftKey: "2026-11-18/night",
      now: at("2026-11-18T20:00:00Z").getTime(),
    });
    expect(night.actions).toMatchObject([{ id: actionId, carriedOver: true, doneAt: null }]);

    await completeHandoverAction({
      db: t.db,
      bedId,
      actionId,
      actor: incoming,
      context: null,
      now: at("2026-11-18T23:00:00Z"),
    });
    const nightLater = await getHandoverSheet({
      db: t.db,
      bedId,
      shiftKey: "2026-11-18/night",
      now: at("2026-11-19T01:00:00Z").getTime(),
    });
    expect(nightLater.actions[0]).toMatchObject({ doneBy: { id: "n2" } });
    expect(
      (
        await getHandoverSheet({
          db: t.db,
          bedId,
          shiftKey: "2026-11-19/day",
          now: at("2026-11-19T08:00:00Z").getTime(),
        })
      ).actions,
    ).toEqual([]);
    // The signed day sheet still shows the action as it was handed over: open.
    expect(
      (await getHandoverSheet({ db: t.db, bedId, shiftKey: DAY, now: at("2026-11-19T08:00:00Z").getTime() })).actions[0]
        ?.doneAt,
    ).toBeNull();
  });

  it("shows the unit page's progress per bed and lists the bed's past shifts for review", async () => {
    await signOutHandover({
      db: t.db,
      bedId,
      shiftKey: DAY,
      signOut: draft,
      actor: outgoing,
      context: null,
      now: at("2026-11-18T17:50:00Z"),
    });
    const unit = await getUnitHandover({
      db: t.db,
      unitId: "test-unit-1",
      shiftKey: DAY,
      now: at("2026-11-18T18:10:00Z").getTime(),
    });
    expect(unit.beds).toMatchObject([
      { bedId, status: "signed_out", illnessSeverity: "watcher", signedOut: { by: "ANURSE" } },
    ]);
    expect(unit.counts).toMatchObject({ signed_out: 1, not_started: 0 });
    const current = await getUnitHandover({
      db: t.db,
      unitId: "test-unit-1",
      now: at("2026-11-18T18:10:00Z").getTime(),
    });
    expect(current.shift.key).toBe("2026-11-18/night");
    expect(current.beds[0]?.status).toBe("not_started");

    const history = await listBedHandovers({ db: t.db, bedId, days: 2, now: at("2026-11-18T18:10:00Z").getTime() });
    expect(history.map((h) => [h.shiftKey, h.status])).toEqual([
      ["2026-11-18/night", "not_started"],
      ["2026-11-18/day", "signed_out"],
      ["2026-11-17/night", "not_started"],
      ["2026-11-17/day", "not_started"],
      ["2026-11-16/night", "not_started"],
    ]);
  });

  it("keeps the protocol steps pending at the signature, as they stood then, whatever is signed later (issue 15 item 5)", async () => {
    // Weaning from 1:1 started at 14:00Z: ratio 1:2 is due from 15:00Z, overdue after 20:00Z (a step every 1–6 h).
    const plan = await startProtocol({
      db: t.db,
      bedId,
      input: { protocol: "iabp-weaning", episodeId },
      actor: outgoing,
      context: null,
      now: at("2026-11-18T14:00:00Z"),
    });
    const signOutAt = at("2026-11-18T17:45:00Z");
    const before = await getHandoverSheet({ db: t.db, bedId, shiftKey: DAY, now: signOutAt.getTime() });
    // A draft keeps none: it lists the bed's steps live.
    expect(before.data?.protocolSteps).toBeUndefined();

    await signOutHandover({
      db: t.db,
      bedId,
      shiftKey: DAY,
      signOut: draft,
      actor: outgoing,
      context: null,
      now: signOutAt,
    });
    await signProtocolStep({
      db: t.db,
      bedId,
      timerId: plan.id,
      input: { stepId: "ratio-1-2", doneAt: at("2026-11-18T18:00:00Z").getTime() },
      actor: incoming,
      context: null,
      now: at("2026-11-18T18:00:00Z"),
    });
    await amendHandover({
      db: t.db,
      bedId,
      shiftKey: DAY,
      amendment: { field: "notes", value: "Ratio 1:2 from 18:00.", reason: "Weaning went on after the sign-out" },
      actor: outgoing,
      context: null,
      now: at("2026-11-18T18:10:00Z"),
    });

    const signed = await getHandoverSheet({
      db: t.db,
      bedId,
      shiftKey: DAY,
      now: at("2026-11-18T18:30:00Z").getTime(),
    });
    expect(signed.frozen).toBe(true);
    expect(signed.data?.protocolSteps?.at).toBe(signOutAt.getTime());
    const steps = signed.data?.protocolSteps?.steps ?? [];
    expect(steps[0]).toEqual({
      protocol: "iabp-weaning",
      stepId: "ratio-1-2",
      occurrence: 1,
      state: "due",
      earliestAt: at("2026-11-18T15:00:00Z").getTime(),
      latestAt: at("2026-11-18T20:00:00Z").getTime(),
      overduePriority: "low",
    });
    // The steps after it wait for it; none is signed, so the whole plan is listed, in the protocol's order.
    expect(steps.slice(1).map((s) => [s.stepId, s.state])).toEqual([
      ["ratio-1-4", "waiting"],
      ["heparin-stopped", "waiting"],
      ["balloon-removed", "waiting"],
      ["compression-ended", "waiting"],
      ["limb-check-60", "waiting"],
      ["limb-check-120", "waiting"],
      ["limb-check-240", "waiting"],
      ["limb-check-360", "waiting"],
      ["flat-rest-ended", "waiting"],
    ]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "handover.signed-out" } });
    expect(audit.details).toMatchObject({ pendingProtocolSteps: 10 });
  });

  it("refuses a shift that has not begun", async () => {
    await expect(
      getHandoverSheet({ db: t.db, bedId, shiftKey: "2026-11-20/day", now: at("2026-11-18T10:00:00Z").getTime() }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
