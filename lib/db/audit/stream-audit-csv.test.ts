import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAuditQuery } from "@/lib/auth/schemas";
import { createTestDb, type TestDb } from "@/test/support/create-test-db";
import { recordAuditEvent } from "./record-audit-event";
import { streamAuditCsv } from "./stream-audit-csv";

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
  for (let i = 1; i <= 9; i += 1) {
    await recordAuditEvent({
      db: test.db,
      action: i % 3 === 0 ? "auth.sign-out" : "auth.sign-in",
      actor: { userId: "u", username: `user${i}`, role: "nurse" },
      context: null,
    });
  }
});
afterAll(async () => {
  await test.cleanup();
});

const csv = async (query: Record<string, string>, options: { maxRows?: number; pageSize?: number }) =>
  new Response(streamAuditCsv({ db: test.db, query: ZAuditQuery.parse(query), ...options })).text();

describe("streamAuditCsv", () => {
  it("pages through every matching event once, newest first, with the header once", async () => {
    const text = await csv({}, { pageSize: 2 });
    const rows = parse(text);
    expect(rows[0]?.[0]).toBe("id");
    expect(rows.slice(1).map((r) => r[3])).toEqual([
      "user9",
      "user8",
      "user7",
      "user6",
      "user5",
      "user4",
      "user3",
      "user2",
      "user1",
    ]);
    expect(text).not.toContain("# truncated");
  });

  it("keeps to the filter across pages", async () => {
    const rows = parse(await csv({ action: "auth.sign-out" }, { pageSize: 1 }));
    expect(rows.slice(1).map((r) => r[3])).toEqual(["user9", "user6", "user3"]);
  });

  it("stops at the cap and says so in a last line when more events match", async () => {
    const text = await csv({}, { pageSize: 2, maxRows: 5 });
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines.at(-1)).toBe(
      "# truncated: more than 5 events match this filter; narrow the time range (from/to) to export the rest",
    );
  });

  it("adds no note when the events fit the cap exactly", async () => {
    const text = await csv({ action: "auth.sign-out" }, { pageSize: 2, maxRows: 3 });
    expect(text.trimEnd().split("\r\n")).toHaveLength(1 + 3);
    expect(text).not.toContain("# truncated");
  });
});
