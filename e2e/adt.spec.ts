import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CentralStation } from "./pages/central-station";
import { signInAs } from "./support/accounts";

// Issue 15 part 3: the hospital's ADT feed drives the wall. Over HTTP import (the same reading of ADT as the MLLP
// listener, server/imports/mllp/adt-over-mllp.test.ts): an ADT^A02 moves the patient of bed 08 to the free bed 07,
// an ADT^A01 admits a new patient to bed 08 (PV1-3 demo-icu^^08, no configuration), an ORU^R01 lactate for the new
// patient arrives before any support runs and shows on its tile, then a physician starts VA-ECMO and it stays there. The wall, in its own browser context, follows every step
// without a reload.
const hl7Time = (d: Date) => `${d.toISOString().replace(/[-:T]/g, "").slice(0, 14)}+0000`;
const MRN = `ADT-E2E-${Date.now()}`;

function adt(event: "A01" | "A02", controlId: string, mrn: string, bed: string, at: Date): string {
  return [
    `MSH|^~\\&|HIS|SYNHOSP|ECMO-STATION|ICU|${hl7Time(new Date())}||ADT^${event}^ADT_${event}|${controlId}|P|2.5.1`,
    `EVN|${event}|${hl7Time(new Date())}||||${hl7Time(at)}`,
    `PID|1||${mrn}^^^SYNHOSP^MR||Essai^Camille||19700312|F`,
    `PV1|1|I|demo-icu^^${bed}`,
  ].join("\r");
}

test.describe("the hospital's ADT feed", () => {
  test.use({ role: "admin" });

  test("an A02 moves a patient, an A01 admits one whose ORU shows on its tile before any support; the wall follows live", async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    // The run's shared station (a server launched for this test alone did not start within a minute on the loaded
    // machine): the test gives bed 07 back free at its end, as e2e/stay.spec.ts expects it.
    const base = baseURL ?? "";
    const wallContext = await browser.newContext({ baseURL: base, viewport: { width: 1920, height: 1080 } });
    await signInAs(wallContext.request, base, "display");
    const doctorContext = await browser.newContext({ baseURL: base });
    await signInAs(doctorContext.request, base, "physician");
    const send = async (request: APIRequestContext, fileName: string, body: string) => {
      const answer = await request.post(`${base}/api/imports?kind=hl7&fileName=${fileName}`, {
        data: body,
        headers: { "content-type": "application/octet-stream", origin: base },
      });
      expect(answer.ok()).toBe(true);
      return (await answer.json()) as { accepted: number; rejected: number; rejections: { reason: string }[] };
    };
    try {
      const wall = await wallContext.newPage();
      const station = new CentralStation(wall);
      await station.open("demo-icu");
      await station.waitForLiveBeds(8);
      const loads: string[] = [];
      wall.on("load", () => loads.push(wall.url()));
      const bed7 = station.tile("demo-bed-7");
      const bed8 = station.tile("demo-bed-8");
      await expect(bed7).toHaveAttribute("data-state", "empty");

      const before = (await (await doctorContext.request.get(`${base}/api/beds/demo-bed-8/stay`)).json()) as {
        stay: { patient: { mrn: string } };
      };
      const moved = await send(
        page.request,
        "adt-a02.hl7",
        adt("A02", "E2E-A02", before.stay.patient.mrn, "07", new Date(Date.now() - 60_000)),
      );
      expect(moved).toMatchObject({ accepted: 1, rejected: 0 });
      await expect(bed7).toHaveAttribute("data-state", "occupied", { timeout: 15_000 });
      await expect(bed8).toHaveAttribute("data-state", "empty", { timeout: 15_000 });

      const admitted = await send(
        page.request,
        "adt-a01.hl7",
        adt("A01", "E2E-A01", MRN, "08", new Date(Date.now() - 60 * 60_000)),
      );
      expect(admitted).toMatchObject({ accepted: 1, rejected: 0 });
      await expect(bed8).toHaveAttribute("data-state", "admitted", { timeout: 15_000 });
      // A transfer to an occupied bed is refused with the bed named, and nothing moves.
      const refused = await send(page.request, "adt-a02-refused.hl7", adt("A02", "E2E-A02b", MRN, "07", new Date()));
      expect(refused).toMatchObject({ accepted: 0, rejected: 1 });
      expect(refused.rejections[0]?.reason).toContain("Bed 07 is occupied");

      // The ORU for the new patient arrives before any support runs (a lactate before cannulation, which the SAVE
      // score needs): it belongs to the stay, is accepted, and shows on the admitted tile.
      const sampled = new Date(Date.now() - 40 * 60_000);
      const lactate = [
        `MSH|^~\\&|SYNLAB|SYNHOSP|ICU|SYNHOSP|${hl7Time(new Date())}||ORU^R01^ORU_R01|E2E-ORU|P|2.5.1`,
        `PID|1||${MRN}^^^SYNHOSP^MR||Essai^Camille||19700312|F`,
        `OBR|1|PLC-ADT|FIL-ADT|24336-0^Gas panel^LN|||${hl7Time(sampled)}`,
        `OBX|1|NM|2518-9^Lactate [Moles/volume] in Arterial blood^LN||4.1|mmol/L|0.5-2|H|||F|||${hl7Time(sampled)}`,
      ].join("\r");
      expect(await send(page.request, "lactate.hl7", lactate)).toMatchObject({ accepted: 1 });
      await expect(bed8).toHaveAttribute("data-state", "admitted");
      await expect(station.value("demo-bed-8", "lactate")).toContainText("4.1", { timeout: 15_000 });

      const started = await doctorContext.request.post(`${base}/api/beds/demo-bed-8/support`, {
        headers: { origin: base },
        data: {
          deviceType: "VA_ECMO",
          startedAt: Date.now() - 30 * 60_000,
          cannulationSite: "femoral",
          cannulationSide: "right",
          cannulas: null,
          distalPerfusion: null,
          consoleModel: null,
          settings: { rpm: 3200, flow: 4, sweep: 3, heparinRate: 800 },
        },
      });
      expect(started.status()).toBeLessThan(300);
      await expect(bed8).toHaveAttribute("data-state", "occupied", { timeout: 15_000 });
      // Support started, the stay's lactate is still the tile's.
      await expect(station.value("demo-bed-8", "lactate")).toContainText("4.1", { timeout: 15_000 });
      expect(loads).toEqual([]);

      // Back as it was: the new patient dies on support (A03, PV1-36 20), the moved patient returns to bed 08.
      const discharge =
        adt("A02", "E2E-A03", MRN, "08", new Date()).replace(/A02/g, "A03") + "|||||||||||||||||||||||||||||||||20";
      expect(await send(page.request, "adt-a03.hl7", discharge)).toMatchObject({ accepted: 1, rejected: 0 });
      await expect(bed8).toHaveAttribute("data-state", "empty", { timeout: 15_000 });
      const back = adt("A02", "E2E-A02c", before.stay.patient.mrn, "08", new Date());
      expect(await send(page.request, "adt-a02-back.hl7", back)).toMatchObject({ accepted: 1, rejected: 0 });
      await expect(bed7).toHaveAttribute("data-state", "empty", { timeout: 15_000 });
    } finally {
      await wallContext.close();
      await doctorContext.close();
    }
  });
});
