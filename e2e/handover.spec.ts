import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { expect, type APIRequestContext } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/lib/db/demo/demo-accounts";
import { test } from "./fixtures";
import { HandoverSheet, UnitHandover } from "./pages/handover";

const UNIT = "demo-icu";

/** The second demo nurse: the incoming nurse must be another person than the outgoing one. */
async function signInAsSecondNurse(request: APIRequestContext): Promise<void> {
  const nurse2 = DEMO_ACCOUNTS.find((a) => a.username === "nurse2");
  if (!nurse2) throw new Error("the demo has no second nurse");
  const response = await request.post("/api/auth/sign-in", {
    data: { username: nurse2.username, password: nurse2.password },
  });
  expect(response.status()).toBe(200);
}

test("an outgoing nurse signs a sheet out, another nurse receives it with a read-back, and the unit page follows", async ({
  page,
  browser,
  baseURL,
}) => {
  // demo-bed-6 is the IABP weaning patient (lib/db/demo/demo-profiles.ts).
  const BED = "demo-bed-6";
  const unit = new UnitHandover(page);
  await unit.open(UNIT);
  await expect(unit.row(BED)).toHaveAttribute("data-status", "not_started");

  const sheet = new HandoverSheet(page);
  await sheet.open(BED);
  const shiftKey = await sheet.shiftKey();
  await expect(sheet.status).toHaveText("Not started");
  await expect(page.getByTestId("handover-setting-iabp_ratio")).toContainText("1:");
  await sheet.addAction("Femoral site check at 06:00");
  await sheet.writeDraft({
    severity: "watcher",
    situation: "Weaning the balloon, tolerating 1:2.",
    contingency: { if: "MAP below 65", then: "back to 1:1 and call the physician" },
  });
  await sheet.save();
  await expect(sheet.status).toHaveText("Drafted");

  await unit.open(UNIT, shiftKey);
  await expect(unit.row(BED)).toHaveAttribute("data-status", "draft");

  await sheet.open(BED, shiftKey);
  await sheet.signOut();
  await expect(sheet.status).toHaveText("Signed out");
  await expect(page.getByTestId("handover-signed-out")).toContainText("Demo Nurse");
  // The one who signed out cannot receive their own handover.
  await expect(page.getByTestId("handover-receive-form")).toHaveCount(0);
  await unit.open(UNIT, shiftKey);
  await expect(unit.row(BED)).toHaveAttribute("data-status", "signed_out");

  const incoming = await browser.newContext({ baseURL });
  try {
    await signInAsSecondNurse(incoming.request);
    const page2 = await incoming.newPage();
    const sheet2 = new HandoverSheet(page2);
    await sheet2.open(BED, shiftKey);
    await expect(sheet2.status).toHaveText("Signed out");
    // The protocol steps pending at the signature, as frozen then (none or some, whatever ran before on this bed),
    // and the way to the bed's panel where they stand now.
    const kept = page2.getByTestId("handover-protocol-steps");
    await expect(kept).toContainText("Pending protocol steps at sign-out");
    await expect(kept.getByRole("link")).toHaveAttribute("href", `/beds/${BED}`);
    await sheet2.receive("Balloon weaning at 1:2; back to 1:1 if MAP below 65; femoral site check at 06:00.");
    await expect(sheet2.status).toHaveText("Received");
    await expect(page2.getByTestId("handover-received")).toContainText("Demo Second Nurse");
    await expect(page2.getByTestId("handover-read-back")).toContainText("back to 1:1");
    // The unit page left open on the first tablet follows without a reload: the receipt is pushed over the socket
    // (handover:changed), well within this expectation's 5 s, where the page's own read comes once a minute.
    await expect(unit.row(BED)).toHaveAttribute("data-status", "received");
    await expect(unit.row(BED)).toContainText("Demo Second Nurse");

    const unit2 = new UnitHandover(page2);
    await unit2.open(UNIT, shiftKey);
    await expect(unit2.row(BED)).toHaveAttribute("data-status", "received");
    await expect(unit2.row(BED)).toContainText("Demo Second Nurse");
  } finally {
    await incoming.close();
  }

  // A signed sheet no longer offers its editors.
  await sheet.open(BED, shiftKey);
  await expect(page.getByTestId("handover-situation-input")).toHaveCount(0);
  await expect(page.getByTestId("handover-situation-text")).toContainText("Weaning the balloon");
});

test("the PDF of a sheet holds the bed, the device settings and the action list", async ({ page }, testInfo) => {
  // demo-bed-1 is the stable VA-ECMO patient.
  const BED = "demo-bed-1";
  const sheet = new HandoverSheet(page);
  await sheet.open(BED);
  await expect(page.getByTestId("handover-setting-ecmo_rpm")).toContainText("rpm");
  await sheet.addAction("Anti-Xa due at 14:00");

  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  const file = testInfo.outputPath("handover-sheet.pdf");
  writeFileSync(file, pdf);
  await testInfo.attach("handover-sheet.pdf", { path: file, contentType: "application/pdf" });
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });

  expect(text).toContain("Handover — bed 01");
  expect(text).toMatch(/RPM\s+[\d,]+ rpm/);
  expect(text).toMatch(/Sweep\s+[\d.]+ L\/min/);
  expect(text).toContain("A — Action list");
  expect(text).toContain("Anti-Xa due at 14:00");
  // The screen's controls are not printed.
  expect(text).not.toContain("Save draft");
});
