import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { closeImportsOfStoppedNodes } from "./close-imports-of-stopped-nodes";
import { claimLeaderEpoch, FencedError } from "./leader-epoch";
import { recordNodeSeen } from "./record-node-seen";

const T0 = new Date("2026-12-16T03:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let t: TestDb;

beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

async function runningJob(id: string, nodeId: string) {
  await t.db.importJob.create({
    data: { id, kind: "hl7", fileName: "lab.hl7", status: "running", actor: "http", startedAt: T0, nodeId },
  });
}

describe("closeImportsOfStoppedNodes", () => {
  it("fails the running jobs of a node not seen since the cutoff, with the reason, and leaves the live node's", async () => {
    const epoch = await claimLeaderEpoch({ db: t.db, nodeId: "node-b", now: T0 });
    await recordNodeSeen({ db: t.db, nodeId: "node-a", now: at(0) });
    await recordNodeSeen({ db: t.db, nodeId: "node-b", now: at(0) });
    await runningJob("job-a", "node-a");
    await runningJob("job-b", "node-b");
    await recordNodeSeen({ db: t.db, nodeId: "node-b", now: at(20) });

    const stopped = await closeImportsOfStoppedNodes({ db: t.db, epoch, seenBefore: at(5), now: at(20) });

    expect(stopped).toEqual([{ nodeId: "node-a", seenAt: at(0), closedJobs: ["job-a"] }]);
    const jobs = await t.db.importJob.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, error: true },
    });
    expect(jobs[0]).toMatchObject({ id: "job-a", status: "failed" });
    expect(jobs[0]?.error).toMatch(/station node running it \(node-a\) stopped answering/);
    expect(jobs[1]).toEqual({ id: "job-b", status: "running", error: null });
    expect((await t.db.stationNode.findMany()).map((n) => n.id)).toEqual(["node-b"]);
  });

  it("writes nothing for a former leader: another node claimed the next epoch", async () => {
    const former = await claimLeaderEpoch({ db: t.db, nodeId: "node-a", now: T0 });
    await recordNodeSeen({ db: t.db, nodeId: "node-c", now: at(0) });
    await runningJob("job-c", "node-c");
    const current = await claimLeaderEpoch({ db: t.db, nodeId: "node-b", now: at(1) });
    expect(current).toBe(former + 1);

    await expect(
      closeImportsOfStoppedNodes({ db: t.db, epoch: former, seenBefore: at(30), now: at(30) }),
    ).rejects.toBeInstanceOf(FencedError);
    expect(await t.db.importJob.findUnique({ where: { id: "job-c" }, select: { status: true } })).toEqual({
      status: "running",
    });
    expect(await t.db.stationNode.count()).toBe(1);
  });
});
