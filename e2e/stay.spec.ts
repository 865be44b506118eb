import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { formatFormDateTime } from "@/lib/time/form-date-time";
import { expect, test } from "./fixtures";
import { AlarmPanel } from "./pages/alarm-panel";
import { CentralStation } from "./pages/central-station";
import { ProtocolPanel } from "./pages/protocols";
import { signInAs } from "./support/accounts";
import { DEMO_BED_COUNT, DEMO_FREE_BED, DEMO_UNIT_ID } from "./support/station-env";

/** Where the screenshots of the admission form, a running timer and the empty bed go, for a person to look at. */
const SHOTS = process.env.STAY_SHOTS_DIR;

/** A unique MRN per run: the e2e database outlives one test run. */
const MRN = `E2E-${Date.now()}`;

const MIN = 60_000;
const H = 60 * MIN;
/** The demo unit's zone: the stay forms' times are typed in it (components/stays/stay-form-parts.tsx useWhen). */
const UNIT_TIME_ZONE = "Europe/Paris";
/** The bed whose patient the ADT feed's A02 moves into the freed bed 07 and back (the other specs expect it there). */
const OTHER_BED = "demo-bed-8";

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

async function shotOf(element: Locator, name: string): Promise<void> {
  if (SHOTS) await element.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The time `msAgo` before now as a nurse or a physician types it in a stay form: day first, 24 h, the unit's zone. */
const typedAgo = (msAgo: number) => formatFormDateTime(Date.now() - msAgo, "en", UNIT_TIME_ZONE);

const hl7Time = (d: Date) => `${d.toISOString().replace(/[-:T]/g, "").slice(0, 14)}+0000`;

/** An ADT^A02 of the hospital's feed: the patient `mrn` is now in bed `bed` of the demo unit (PV1-3). */
function a02(controlId: string, mrn: string, bed: string): string {
  return [
    `MSH|^~\\&|HIS|SYNHOSP|ECMO-STATION|ICU|${hl7Time(new Date())}||ADT^A02^ADT_A02|${controlId}|P|2.5.1`,
    `EVN|A02|${hl7Time(new Date())}||||${hl7Time(new Date())}`,
    `PID|1||${mrn}^^^SYNHOSP^MR||Essai^Camille||19700312|F`,
    `PV1|1|I|demo-icu^^${bed}`,
  ].join("\r");
}

/** A message sent to the station's HTTP import, as the hospital's interface engine would (e2e/adt.spec.ts). */
async function sendHl7(request: APIRequestContext, fileName: string, body: string) {
  const answer = await request.post(`/api/imports?kind=hl7&fileName=${fileName}`, {
    data: body,
    headers: { "content-type": "application/octet-stream" },
  });
  expect(answer.ok()).toBe(true);
  return (await answer.json()) as { accepted: number; rejected: number; rejections: { reason: string }[] };
}

async function contextAs(
  browser: Browser,
  baseURL: string,
  role: "display" | "physician",
  viewport: { width: number; height: number },
  locale = "en",
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
  await signInAs(context.request, baseURL, role);
  return context;
}

// Issue 15's proof of a patient's whole stay, in one test: a nurse admits to the free bed, a physician starts VA-ECMO,
// an ORU for the new patient shows on its tile, the ECMO is weaned onto an IABP whose weaning plan runs to removal
// with its timers, an overdue limb check after removal alarms, the discharge frees the bed and the ADT feed's A02
// moves another patient into it; the wall screen, open in its own browser context, follows every step without a
// reload. A stay lasts days and a weaning plan hours: each entry is made after the fact, with the time it happened
// typed in its form (as a nurse records an admission or a physician a cannulation once the patient is settled).
// The demo has one free bed (07): the A02 comes once the discharge has freed it, and moves its patient back after.
test("a patient's whole stay: admission, VA-ECMO, a lab, an IABP weaned to removal, discharge, an A02; the wall follows live", async ({
  page,
  browser,
  baseURL,
  playwright,
}) => {
  // Three browsers and some thirty commits on a shared, loaded machine: the bed page answers in seconds, not milliseconds.
  test.setTimeout(480_000);
  const base = baseURL ?? "";
  const wallContext = await contextAs(browser, base, "display", { width: 1920, height: 1080 });
  const doctorContext = await contextAs(browser, base, "physician", { width: 768, height: 1024 });
  // The hospital's interface engine, as e2e/adt.spec.ts sends it: importing is an admin's right.
  const hospital = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
  await signInAs(hospital, base, "admin");
  try {
    const wall = await wallContext.newPage();
    const station = new CentralStation(wall);
    await station.open(DEMO_UNIT_ID);
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    const freeTile = station.tile(DEMO_FREE_BED);
    await expect(freeTile).toHaveAttribute("data-state", "empty");
    // The wall is never reloaded from here on: every change below reaches it through the socket.
    const loads: string[] = [];
    wall.on("load", () => loads.push(wall.url()));

    // The nurse, on a tablet, opens the free bed and admits the patient who came in yesterday from the cath lab.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`/beds/${DEMO_FREE_BED}`);
    const form = page.getByTestId("admit-form");
    await expect(form).toBeVisible({ timeout: 30_000 });
    await form.getByLabel("MRN").fill(MRN);
    await form.getByLabel("Family name").fill("Essai");
    await form.getByLabel("Given name").fill("Zoé");
    await form.getByLabel("Date of birth").fill("1968-04-02");
    await form.getByLabel("Sex").selectOption("F");
    await form.getByLabel("Weight (kg)").fill("64");
    await form.getByLabel("Admission diagnosis").fill("Cardiogenic shock");
    await form.getByLabel("Arrived at").fill(typedAgo(30 * H));
    await shot(page, "tablet-admission-form-en");
    await page.getByTestId("admit-submit").click();
    await expect(page.getByTestId("stay-patient")).toContainText(`MRN ${MRN}`, { timeout: 30_000 });
    await expect(page.getByTestId("stay-support")).toHaveText("No support running.");
    // A nurse does not start support (lib/auth/permissions.ts episode.manage).
    await expect(page.getByTestId("start-support-form")).toHaveCount(0);
    await expect(freeTile).toHaveAttribute("data-state", "admitted", { timeout: 10_000 });
    await expect(freeTile).toContainText("ZE");

    // The physician records the VA-ECMO cannulated an hour after the arrival.
    const doctor = await doctorContext.newPage();
    await doctor.goto(`/beds/${DEMO_FREE_BED}`);
    const start = doctor.getByTestId("start-support-form");
    await expect(start).toBeVisible({ timeout: 30_000 });
    await start.getByLabel("Support").selectOption("VA_ECMO");
    await start.getByLabel("Cannulation site").fill("femoral");
    await start.getByLabel("Side").selectOption("right");
    await start.getByLabel("Arterial cannula (Fr)").fill("17");
    await start.getByLabel("Venous cannula (Fr)").fill("25");
    await start.getByLabel("Pump speed (rpm)").fill("3200");
    await start.getByLabel("Sweep (L/min)").fill("3");
    await start.getByLabel("Started at").fill(typedAgo(29 * H));
    await doctor.getByTestId("start-support-submit").click();
    await expect(doctor.getByTestId("stay-support")).toContainText("VA-ECMO since", { timeout: 30_000 });
    // The wall shows the bed on VA-ECMO (no device feed yet for a real patient: its values are absent, never old).
    await expect(freeTile).toHaveAttribute("data-state", "occupied", { timeout: 10_000 });
    await expect(freeTile).toContainText("VA-ECMO D");

    // A move to an occupied bed is not offered; the server refuses one anyway, with the bed named.
    const refused = await doctor.request.post(`/api/beds/${DEMO_FREE_BED}/stay/move`, {
      data: { toBedId: "demo-bed-1" },
    });
    expect(refused.status()).toBe(409);
    const refusal = ((await refused.json()) as { error: { message: string; reason?: unknown } }).error;
    expect(refusal.message).toContain("Bed 01 is occupied");
    // …and names the catalogue's reason, which a screen words in its reader's language.
    expect(refusal.reason).toEqual({ key: "bedOccupiedMove", params: { bed: "01" } });

    // The laboratory's ORU for the new patient (by MRN) shows on its tile.
    const sampled = new Date(Date.now() - 20 * MIN);
    const lactate = [
      `MSH|^~\\&|SYNLAB|SYNHOSP|ICU|SYNHOSP|${hl7Time(new Date())}||ORU^R01^ORU_R01|STAY-ORU|P|2.5.1`,
      `PID|1||${MRN}^^^SYNHOSP^MR||Essai^Zoé||19680402|F`,
      `OBR|1|PLC-STAY|FIL-STAY|24336-0^Gas panel^LN|||${hl7Time(sampled)}`,
      `OBX|1|NM|2518-9^Lactate [Moles/volume] in Arterial blood^LN||4.1|mmol/L|0.5-2|H|||F|||${hl7Time(sampled)}`,
    ].join("\r");
    expect(await sendHl7(hospital, "stay-lactate.hl7", lactate)).toMatchObject({ accepted: 1, rejected: 0 });
    await expect(station.value(DEMO_FREE_BED, "lactate")).toContainText("4.1", { timeout: 15_000 });

    // The ECMO weaned 8 h ago onto an IABP (one support at a time in a stay, lib/db/stays/start-episode.ts: the ECMO
    // ends, weaned, and the balloon starts): both recorded by the physician with their times.
    const end = doctor.getByTestId("end-support-form");
    await end.getByLabel("Reason").selectOption("weaned");
    await end.getByLabel("Ended at").fill(typedAgo(8 * H));
    await doctor.getByTestId("end-support-submit").click();
    await expect(doctor.getByTestId("stay-support")).toHaveText("No support running.", { timeout: 30_000 });
    await expect(start).toBeVisible();
    await start.getByLabel("Support").selectOption("IABP");
    await start.getByLabel("Cannulation site").fill("femoral");
    await start.getByLabel("Side").selectOption("left");
    await start.getByLabel("Balloon (mL)").fill("40");
    await start.getByLabel("Assist ratio").selectOption("1:1");
    await start.getByLabel("Started at").fill(typedAgo(8 * H));
    await doctor.getByTestId("start-support-submit").click();
    await expect(doctor.getByTestId("stay-support")).toContainText("IABP since", { timeout: 30_000 });
    // The tile's badge says the support; its ratio is the console's reading, none yet for a real patient.
    await expect(freeTile).not.toContainText("VA-ECMO", { timeout: 10_000 });
    await expect(freeTile).toContainText("IABP");
    // The lab is the stay's, whatever its support: still on the tile.
    await expect(station.value(DEMO_FREE_BED, "lactate")).toContainText("4.1");

    // The nurse starts the balloon's weaning at 1:1, 5 h 30 ago, on the bed page she has open.
    const panel = new ProtocolPanel(page);
    await expect(panel.root).toBeVisible({ timeout: 30_000 });
    await panel.start("iabp-weaning", 5 * H + 30 * MIN);
    await expect(panel.step("iabp-weaning", "ratio-1-2")).toHaveAttribute("data-state", "due");
    // The wall's tile has the running timer with its countdown (the 1:2 step is due by 6 h after the start). This
    // tile has no room to draw it: a balloon with no console feed yet (stale), a high lactate and a round overdue come
    // first, and a step merely due is left out before the values (station.css, use-whole-cells.ts); overdue, it
    // would come before them. Drawn once the support has ended, below.
    const wallLine = freeTile.getByTestId("tile-protocol");
    await expect(wallLine).toHaveAttribute("data-step", "ratio-1-2", { timeout: 15_000 });
    await expect(wallLine).toHaveAttribute("data-state", "due");
    await expect(wallLine).toContainText(/Ratio 1:2 set and reviewed due in (2\d|3[01]) min/);

    // The steps signed with the times they were done: 1:2, 1:4, heparin stopped; the wall follows each.
    await panel.sign("iabp-weaning", "ratio-1-2", 4 * H + 30 * MIN);
    await expect(wallLine).toHaveAttribute("data-step", "ratio-1-4");
    await panel.sign("iabp-weaning", "ratio-1-4", 3 * H + 30 * MIN);
    await expect(wallLine).toHaveAttribute("data-step", "heparin-stopped");
    await panel.sign("iabp-weaning", "heparin-stopped", 2 * H + 30 * MIN);
    await expect(wallLine).toHaveAttribute("data-step", "balloon-removed");
    // Removal is refused before the hour after heparin stopped, then signed 85 min ago.
    await panel.sign("iabp-weaning", "balloon-removed", H + 40 * MIN, /before its earliest time/);
    await panel.sign("iabp-weaning", "balloon-removed", H + 25 * MIN);
    // Signing the removal does not end the support (lib/db/protocols/sign-protocol-step.ts): the physician does,
    // weaned, at the time of the removal; the bed keeps its patient, with no support running.
    await expect(doctor.getByTestId("stay-support")).toContainText("IABP since");
    await end.getByLabel("Reason").selectOption("weaned");
    await end.getByLabel("Ended at").fill(typedAgo(H + 25 * MIN));
    await doctor.getByTestId("end-support-submit").click();
    await expect(doctor.getByTestId("stay-support")).toHaveText("No support running.", { timeout: 30_000 });
    await expect(freeTile).toHaveAttribute("data-state", "admitted", { timeout: 10_000 });

    // After the removal: the compression was due from 30 min and is late; signed, the 24 h flat rest waits its time.
    const compression = panel.step("iabp-weaning", "compression-ended");
    await expect(compression).toHaveAttribute("data-state", "overdue");
    await panel.sign("iabp-weaning", "compression-ended", 50 * MIN);
    const flatRest = panel.step("iabp-weaning", "flat-rest-ended");
    await expect(flatRest).toHaveAttribute("data-state", "pending");
    await expect(flatRest).toContainText(/Not before \d\d:\d\d/);
    // The limb check 1 h after removal was due by 1 h 15: overdue, on the tablet and on the wall's tile…
    await expect(panel.step("iabp-weaning", "limb-check-60")).toHaveAttribute("data-state", "overdue");
    await expect(wallLine).toHaveAttribute("data-step", "limb-check-60", { timeout: 15_000 });
    await expect(wallLine).toHaveAttribute("data-state", "overdue");
    await expect(wallLine).toContainText(/Limb check 1 h after removal overdue (9|1\d) min/);
    await expect(wallLine).toBeVisible();
    await shot(wall, "wall-running-timer-en");
    await shotOf(freeTile, "wall-tile-running-timer-en");
    // …and it raises an alarm on the patient's stay, support or none, which the wall lists (the engine judges the
    // plans every 5 s: server/alarms/alarm-engine.ts, lib/db/protocols/sync-protocol-alarms.ts).
    const alarms = new AlarmPanel(wall);
    const limbAlarm = alarms.item(DEMO_FREE_BED, "protocol-step-overdue").filter({ hasText: "Limb check" });
    await expect(limbAlarm).toHaveCount(1, { timeout: 30_000 });
    await expect(limbAlarm).toHaveAttribute("data-priority", "medium");
    await expect(freeTile.getByTestId("tile-alarm")).toBeVisible();

    // The patient leaves for the ward: the discharge frees the bed; the stay's alarms and timers go with it.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("discharge-disposition").selectOption("ward");
    await page.getByTestId("discharge-submit").click();
    await expect(page.getByTestId("admit-form")).toBeVisible({ timeout: 30_000 });
    await expect(freeTile).toHaveAttribute("data-state", "empty", { timeout: 10_000 });
    await expect(freeTile).toContainText("Empty bed");
    await expect(alarms.itemsOf(DEMO_FREE_BED)).toHaveCount(0, { timeout: 15_000 });

    // The hospital's ADT feed moves another patient into the freed bed (ADT^A02), then back to its own bed.
    const otherBed = station.tile(OTHER_BED);
    const other = (await (await doctor.request.get(`/api/beds/${OTHER_BED}/stay`)).json()) as {
      stay: { patient: { mrn: string } };
    };
    const otherMrn = other.stay.patient.mrn;
    expect(await sendHl7(hospital, "stay-a02.hl7", a02("STAY-A02", otherMrn, "07"))).toMatchObject({
      accepted: 1,
      rejected: 0,
    });
    await expect(freeTile).toHaveAttribute("data-state", "occupied", { timeout: 15_000 });
    await expect(otherBed).toHaveAttribute("data-state", "empty", { timeout: 15_000 });
    expect(await sendHl7(hospital, "stay-a02-back.hl7", a02("STAY-A02b", otherMrn, "08"))).toMatchObject({
      accepted: 1,
      rejected: 0,
    });
    await expect(otherBed).toHaveAttribute("data-state", "occupied", { timeout: 15_000 });

    // Bed 07 free again: "Empty bed", on the wall's black.
    await expect(freeTile).toHaveAttribute("data-state", "empty", { timeout: 15_000 });
    await expect(freeTile).toContainText("Empty bed");
    await expect(freeTile.getByTestId("tile-protocol")).toHaveCount(0);
    expect(await freeTile.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(0, 0, 0)");
    await shot(wall, "wall-empty-bed-en");
    expect(loads).toEqual([]);

    // The stay is archived and found by MRN.
    const archive = await page.request.get(`/api/units/${DEMO_UNIT_ID}/stays?q=${MRN}`);
    expect(archive.status()).toBe(200);
    expect(await archive.json()).toEqual([
      expect.objectContaining({ mrn: MRN, familyName: "Essai", disposition: "ward", bedLabel: "07" }),
    ]);
  } finally {
    await wallContext.close();
    await doctorContext.close();
    await hospital.dispose();
  }
});

test("the admission form and the empty bed in French", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const base = baseURL ?? "";
  const wallContext = await contextAs(browser, base, "display", { width: 1920, height: 1080 }, "fr");
  const tabletContext = await browser.newContext({ baseURL: base, viewport: { width: 768, height: 1024 } });
  await tabletContext.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: base }]);
  await signInAs(tabletContext.request, base, "nurse");
  try {
    const wall = await wallContext.newPage();
    const station = new CentralStation(wall);
    await station.open(DEMO_UNIT_ID);
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    await shot(wall, "wall-empty-bed-fr");
    const tablet = await tabletContext.newPage();
    await tablet.goto(`/beds/${DEMO_FREE_BED}`);
    await expect(tablet.getByTestId("admit-form")).toContainText("Admettre un patient au lit 07", { timeout: 30_000 });
    await shot(tablet, "tablet-admission-form-fr");

    // A refused admission reads in French (issue 17): the patient of bed 01, admitted again in bed 07.
    const bed1 = (await (await tablet.request.get("/api/beds/demo-bed-1/stay")).json()) as {
      stay: { patient: { mrn: string; givenName: string; familyName: string; birthDate: string } };
    };
    const patient = bed1.stay.patient;
    const [year, month, day] = patient.birthDate.split("-");
    const form = tablet.getByTestId("admit-form");
    await form.getByLabel("IPP").fill(patient.mrn);
    await form.getByLabel("Nom", { exact: true }).fill(patient.familyName);
    await form.getByLabel("Prénom").fill(patient.givenName);
    await form.getByLabel("Date de naissance").fill(`${day}/${month}/${year}`);
    await tablet.getByTestId("admit-submit").click();
    const error = tablet.getByTestId("stay-error");
    await expect(error).toHaveText("Non enregistré : Ce patient est déjà admis, au lit 01.", { timeout: 30_000 });
    await expect(tablet.getByTestId("admit-form")).toBeVisible();
  } finally {
    await wallContext.close();
    await tabletContext.close();
  }
});
