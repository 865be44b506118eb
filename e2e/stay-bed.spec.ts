import type { APIRequestContext, Page } from "@playwright/test";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { expect, test } from "./fixtures";
import { signInAs } from "./support/accounts";
import { DEMO_FREE_BED } from "./support/station-env";

// Issue 15: the bed page of a patient admitted with no support running shows the stay's values. An ADT^A01 admits a
// patient to the free bed, an ORU^R01 brings a lactate before any support (over HTTP import, as e2e/adt.spec.ts
// sends them); the bed page shows it with its time and age, in English and in French. The bed is freed at the end, as
// e2e/stay.spec.ts expects it.
const hl7Time = (d: Date) => `${d.toISOString().replace(/[-:T]/g, "").slice(0, 14)}+0000`;
const MRN = `STAYBED-E2E-${Date.now()}`;
const BED_LABEL = "07";
const TIME_ZONE = "Europe/Paris";

function message(lines: readonly string[]): string {
  return lines.join("\r");
}

async function send(request: APIRequestContext, base: string, fileName: string, body: string) {
  const answer = await request.post(`${base}/api/imports?kind=hl7&fileName=${fileName}`, {
    data: body,
    headers: { "content-type": "application/octet-stream", origin: base },
  });
  expect(answer.ok()).toBe(true);
  return (await answer.json()) as { accepted: number; rejected: number };
}

async function expectLactate(page: Page, sampled: Date, locale: "en" | "fr") {
  const row = page.getByTestId("lab-lactate");
  await expect(row).toContainText(locale === "fr" ? "4,1" : "4.1", { timeout: 30_000 });
  await expect(row).toContainText(formatDayTime(sampled.getTime(), locale, TIME_ZONE));
  await expect(page.getByTestId("lab-age-lactate")).toHaveText(locale === "fr" ? /^il y a \d+ min$/ : /^\d+ min ago$/);
}

/** The statuses of the free bed's technical alarms for a result that could not be read. */
async function refusalAlarms(request: APIRequestContext, base: string): Promise<string[]> {
  const answer = await request.get(`${base}/api/beds/${DEMO_FREE_BED}/alarms`);
  const { alarms } = (await answer.json()) as { alarms: { ruleId: string; status: string }[] };
  return alarms.filter((a) => a.ruleId === "lab-result-unreadable").map((a) => a.status);
}

test.describe("the bed page of a stay with no support running", () => {
  test.use({ role: "admin" });

  test("a lactate before any support shows on the bed page with its time, in English and in French", async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const base = baseURL ?? "";
    const sampled = new Date(Date.now() - 25 * 60_000);
    const admit = message([
      `MSH|^~\\&|HIS|SYNHOSP|ECMO-STATION|ICU|${hl7Time(new Date())}||ADT^A01^ADT_A01|SB-A01|P|2.5.1`,
      `EVN|A01|${hl7Time(new Date())}||||${hl7Time(new Date(Date.now() - 60 * 60_000))}`,
      `PID|1||${MRN}^^^SYNHOSP^MR||Essai^Lucie||19610704|F`,
      `PV1|1|I|demo-icu^^${BED_LABEL}`,
    ]);
    const lactate = message([
      `MSH|^~\\&|SYNLAB|SYNHOSP|ICU|SYNHOSP|${hl7Time(new Date())}||ORU^R01^ORU_R01|SB-ORU|P|2.5.1`,
      `PID|1||${MRN}^^^SYNHOSP^MR||Essai^Lucie||19610704|F`,
      `OBR|1|PLC-SB|FIL-SB|24336-0^Gas panel^LN|||${hl7Time(sampled)}`,
      `OBX|1|NM|2518-9^Lactate [Moles/volume] in Arterial blood^LN||4.1|mmol/L|0.5-2|H|||F|||${hl7Time(sampled)}`,
    ]);
    // An anti-Xa whose unit the station cannot read (issue 16: nothing refused is invisible, support or not).
    const unreadable = message([
      `MSH|^~\\&|SYNLAB|SYNHOSP|ICU|SYNHOSP|${hl7Time(new Date())}||ORU^R01^ORU_R01|SB-ORU-2|P|2.5.1`,
      `PID|1||${MRN}^^^SYNHOSP^MR||Essai^Lucie||19610704|F`,
      `OBR|1|PLC-SB2|FIL-SB2|3274-8^Anti-Xa^LN|||${hl7Time(sampled)}`,
      `OBX|1|NM|3274-8^Heparin anti-Xa^LN|1|0.41|bogus-per-mL|0.30-0.70||||F|||${hl7Time(sampled)}`,
    ]);
    const nurse = await browser.newContext({ baseURL: base, viewport: { width: 1920, height: 1080 } });
    await signInAs(nurse.request, base, "nurse");
    try {
      expect(await send(page.request, base, "staybed-a01.hl7", admit)).toMatchObject({ accepted: 1, rejected: 0 });
      expect(await send(page.request, base, "staybed-lactate.hl7", lactate)).toMatchObject({ accepted: 1 });

      const bed = await nurse.newPage();
      await bed.goto(`/beds/${DEMO_FREE_BED}`);
      await expect(bed.getByTestId("bed-no-support")).toHaveText("No support running", { timeout: 30_000 });
      await expect(bed.getByTestId("bed-patient")).toContainText("LE");
      await expectLactate(bed, sampled, "en");
      // The lactate is high (≥ 4: the target every support shares), and the stay's charts are drawn, no device's.
      await expect(bed.getByTestId("lab-lactate")).toHaveAttribute("data-status", "high");
      await expect(bed.getByTestId("device-panel")).toContainText("Patient values");
      await expect(bed.getByTestId("panel-ecmo_flow")).toHaveCount(0);
      await expect(bed.getByTestId("trends")).toBeVisible();
      await expect(bed.getByTestId("bed-empty")).toHaveCount(0);
      // Refused while the page is open: listed within seconds, without a reload (the detail's own read is every 2 min).
      expect(await send(page.request, base, "staybed-antixa.hl7", unreadable)).toMatchObject({ rejected: 1 });
      await expect(bed.getByTestId("lab-refusal")).toHaveText(/could not be read: unit “bogus-per-mL”/, {
        timeout: 15_000,
      });

      // Handed over as any patient (issue 15): a sheet saying no support runs, with the stay's lactate, and the bed
      // on the unit's handover page.
      const handover = await nurse.newPage();
      await handover.goto(`/beds/${DEMO_FREE_BED}/handover`);
      await expect(handover.getByTestId("handover-device")).toHaveText("No support running", { timeout: 30_000 });
      await expect(handover.getByTestId("handover-lab-lactate")).toContainText("4.1");
      await expect(handover.getByTestId("handover-lab-lactate")).toHaveAttribute("data-end-status", "high");
      await handover.goto("/units/demo-icu/handover");
      const row = handover.getByTestId(`unit-handover-bed-${DEMO_FREE_BED}`);
      await expect(row).toHaveAttribute("data-status", "not_started", { timeout: 30_000 });
      await expect(row).toContainText("No support");

      await nurse.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: base }]);
      await bed.reload();
      await expect(bed.getByTestId("bed-no-support")).toHaveText("Sans assistance", { timeout: 30_000 });
      await expectLactate(bed, sampled, "fr");
      await expect(bed.getByTestId("device-panel")).toContainText("Valeurs du patient");
      // Dealt with at the bed: the line goes, and with it the technical alarm.
      await expect(bed.getByTestId("lab-refusal")).toContainText("illisible : unité « bogus-per-mL »");
      expect(await refusalAlarms(nurse.request, base)).toEqual(["active"]);
      await bed.getByTestId("lab-refusal-resolve").click();
      await expect(bed.getByTestId("lab-refusals")).toHaveCount(0, { timeout: 10_000 });
      expect(await refusalAlarms(nurse.request, base)).toEqual(["resolved"]);
      await handover.goto(`/beds/${DEMO_FREE_BED}/handover`);
      await expect(handover.getByTestId("handover-device")).toHaveText("Aucune assistance en cours", {
        timeout: 30_000,
      });
    } finally {
      // The bed back free for the other specs: the stay is discharged to the ward.
      const read = await nurse.request.get(`${base}/api/beds/${DEMO_FREE_BED}/stay`);
      const { stay } = (await read.json()) as { stay: { id: string } | null };
      if (stay) {
        const freed = await nurse.request.post(`${base}/api/beds/${DEMO_FREE_BED}/stay/discharge`, {
          headers: { origin: base },
          data: { stayId: stay.id, disposition: "ward" },
        });
        expect(freed.status()).toBeLessThan(300);
      }
      await nurse.close();
    }
  });
});
