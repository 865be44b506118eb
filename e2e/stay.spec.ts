import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CentralStation } from "./pages/central-station";
import { signInAs } from "./support/accounts";
import { DEMO_BED_COUNT, DEMO_FREE_BED, DEMO_UNIT_ID } from "./support/station-env";

/** Where the screenshots of the admission form and the empty bed go, for a person to look at. */
const SHOTS = process.env.STAY_SHOTS_DIR;

/** A unique MRN per run: the e2e database outlives one test run. */
const MRN = `E2E-${Date.now()}`;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
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

test("a nurse admits to the free bed, a physician starts VA-ECMO, discharge frees the bed; the wall follows live", async ({
  page,
  browser,
  baseURL,
}) => {
  // Three browsers on a shared, loaded machine: the bed page answers in seconds, not milliseconds.
  test.setTimeout(300_000);
  const base = baseURL ?? "";
  const wallContext = await contextAs(browser, base, "display", { width: 1920, height: 1080 });
  const doctorContext = await contextAs(browser, base, "physician", { width: 768, height: 1024 });
  try {
    const wall = await wallContext.newPage();
    const station = new CentralStation(wall);
    await station.open(DEMO_UNIT_ID);
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    const freeTile = station.tile(DEMO_FREE_BED);
    await expect(freeTile).toHaveAttribute("data-state", "empty");
    await shot(wall, "wall-empty-bed-en");
    // The wall is never reloaded from here on: every change below reaches it through the socket.
    const loads: string[] = [];
    wall.on("load", () => loads.push(wall.url()));

    // The nurse, on a tablet, opens the free bed and admits.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`/beds/${DEMO_FREE_BED}`);
    const form = page.getByTestId("admit-form");
    await expect(form).toBeVisible({ timeout: 30_000 });
    await shot(page, "tablet-admission-form-en");
    await form.getByLabel("MRN").fill(MRN);
    await form.getByLabel("Family name").fill("Essai");
    await form.getByLabel("Given name").fill("Zoé");
    await form.getByLabel("Date of birth").fill("1968-04-02");
    await form.getByLabel("Sex").selectOption("F");
    await form.getByLabel("Weight (kg)").fill("64");
    await form.getByLabel("Admission diagnosis").fill("Cardiogenic shock");
    await page.getByTestId("admit-submit").click();
    await expect(page.getByTestId("stay-patient")).toContainText(`MRN ${MRN}`, { timeout: 30_000 });
    await expect(page.getByTestId("stay-support")).toHaveText("No support running.");
    // A nurse does not start support (lib/auth/permissions.ts episode.manage).
    await expect(page.getByTestId("start-support-form")).toHaveCount(0);

    await expect(freeTile).toHaveAttribute("data-state", "admitted", { timeout: 10_000 });
    await expect(freeTile).toContainText("ZE");

    // The physician starts VA-ECMO on the same bed.
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

    // Death on support: the discharge ends the support and frees the bed.
    doctor.once("dialog", (dialog) => void dialog.accept());
    await doctor.getByTestId("discharge-disposition").selectOption("death");
    await doctor.getByTestId("discharge-submit").click();
    await expect(doctor.getByTestId("admit-form")).toBeVisible({ timeout: 30_000 });
    await expect(freeTile).toHaveAttribute("data-state", "empty", { timeout: 10_000 });
    await expect(freeTile).toContainText("Empty bed");
    expect(loads).toEqual([]);

    // The stay is archived and found by MRN.
    const archive = await page.request.get(`/api/units/${DEMO_UNIT_ID}/stays?q=${MRN}`);
    expect(archive.status()).toBe(200);
    expect(await archive.json()).toEqual([
      expect.objectContaining({ mrn: MRN, familyName: "Essai", disposition: "death", bedLabel: "07" }),
    ]);
  } finally {
    await wallContext.close();
    await doctorContext.close();
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
