import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { createImportJob } from "./create-import-job";
import { listImportJobs } from "./list-import-jobs";

const NOW = new Date("2026-12-03T10:00:00Z");
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe("listImportJobs", () => {
  it("names who ran each job as the history shows it: a person by display name, never 'user:<username>'", async () => {
    await t.db.user.create({
      data: {
        id: "u-admin",
        username: "admin",
        displayName: "Ada Admin",
        role: "admin",
        createdAt: NOW,
        updatedAt: NOW,
      },
    });
    const job = (id: string, actor: string, minutes: number) =>
      createImportJob({
        db: t.db,
        id,
        kind: "hl7",
        fileName: `${id}.hl7`,
        actor,
        dryRun: false,
        startedAt: new Date(NOW.getTime() + minutes * 60_000),
      });
    await job("a", "user:admin", 1);
    await job("b", "mllp:10.0.0.5", 2);
    await job("c", "user:gone", 3);
    const jobs = await listImportJobs({ db: t.db });
    expect(jobs.map((j) => [j.id, j.by])).toEqual([
      ["c", { kind: "user", name: "gone" }],
      ["b", { kind: "mllp", name: "10.0.0.5" }],
      ["a", { kind: "user", name: "Ada Admin" }],
    ]);
  });
});
