import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { createImportJob } from "./create-import-job";
import { closeAbandonedImportJobs } from "./close-abandoned-import-jobs";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

describe("closeAbandonedImportJobs", () => {
  it("fails the station's own jobs left running, saying why, and leaves the CLI's and finished ones alone", async () => {
    const startedAt = new Date("2026-12-01T10:00:00Z");
    const job = (id: string, actor: string) =>
      createImportJob({ db: t.db, id, kind: "hl7", fileName: `${id}.hl7`, actor, dryRun: false, startedAt });
    await job("upload", "user:admin");
    await job("mllp", "mllp:10.0.0.5:4000");
    await job("cli", "cli:ops");
    await job("done", "user:admin");
    await t.db.importJob.update({ where: { id: "done" }, data: { status: "done", finishedAt: startedAt } });
    await t.db.importJob.update({ where: { id: "upload" }, data: { processed: 4000, accepted: 3990 } });

    const now = new Date("2026-12-01T11:00:00Z");
    expect(await closeAbandonedImportJobs({ db: t.db, now })).toBe(2);
    const jobs = new Map((await t.db.importJob.findMany()).map((j) => [j.id, j]));
    expect(jobs.get("upload")).toMatchObject({ status: "failed", finishedAt: now, processed: 4000, accepted: 3990 });
    expect(jobs.get("upload")?.error).toMatch(/interrupted.*run the same import again/);
    expect(jobs.get("mllp")).toMatchObject({ status: "failed" });
    expect(jobs.get("cli")).toMatchObject({ status: "running", error: null });
    expect(jobs.get("done")).toMatchObject({ status: "done", error: null });
  });
});
