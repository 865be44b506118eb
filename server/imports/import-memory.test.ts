import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

interface TMeasured {
  status: string;
  processed: number;
  accepted: number;
  rejected: number;
  rejectionsKept: number;
  /** Live heap (after a full collection) above what the process held before the import, at its highest. */
  heldDuringMb: number;
  heldAfterMb: number;
}

/**
 * Bounded memory for any message size (issue 18): a 20,000-OBX message raised the station's memory by 340 MB for good,
 * 100,000 rows for unknown patients took it to 870 MB. Measured in a process of its own (--expose-gc, so that only
 * live objects count, not garbage V8 has yet to collect) by test/support/measure-import-memory.ts.
 *
 * The bounds: records are held a chunk (1,000) and a batch (2,000) at a time, a few MB; rejections a batch at a time
 * plus the first 100. 24 MB for the HL7 message leaves room for the writer's batch and V8's own variation, and fails
 * the message parsed whole (32 MB held at 20,000 OBX, growing with the message; 540 MB resident). After the CSV, about
 * 21 MB stays with the process once (Prisma's query caches: a second import of the same file adds nothing), hence
 * 32 MB after.
 */
describe("import memory", () => {
  it("holds a bounded heap for a 20,000-OBX message and for 100,000 rows of unknown patients", async () => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "test/support/measure-import-memory.ts"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(0);
    const measured = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as Record<string, TMeasured>;
    console.info(`import memory: ${JSON.stringify(measured)}`);
    const hl7 = measured["big.hl7"];
    const csv = measured["unknown.csv"];
    expect(hl7).toMatchObject({ status: "done", processed: 20_000, accepted: 20_000 });
    expect(csv).toMatchObject({ status: "done", processed: 100_000, rejected: 100_000, rejectionsKept: 100 });
    expect(hl7?.heldDuringMb).toBeLessThanOrEqual(24);
    expect(hl7?.heldAfterMb).toBeLessThanOrEqual(8);
    expect(csv?.heldDuringMb).toBeLessThanOrEqual(48);
    expect(csv?.heldAfterMb).toBeLessThanOrEqual(32);
  }, 180_000);
});
