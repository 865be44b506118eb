import { expect, type Locator, type Page } from "@playwright/test";
import { formatFormDateTime } from "@/lib/time/form-date-time";

/** The demo unit's zone: the protocol forms' times are typed in it (components/ui/DateTimeField.tsx). */
const UNIT_TIME_ZONE = "Europe/Paris";

/** The bed page's protocol panel (components/protocols/ProtocolPanel.tsx), through its test ids and labels. */
export class ProtocolPanel {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("protocol-panel");
  }

  plan(protocol: string): Locator {
    return this.root.locator(`[data-testid="protocol-plan"][data-protocol="${protocol}"][data-status="active"]`);
  }

  step(protocol: string, stepId: string): Locator {
    return this.plan(protocol).locator(`[data-testid="protocol-step"][data-step="${stepId}"]`);
  }

  /** The time `msAgo` before now as a nurse types it: day first, 24 h clock, the unit's zone. */
  localTime(msAgo: number): string {
    return formatFormDateTime(Date.now() - msAgo, "en", UNIT_TIME_ZONE);
  }

  /**
   * Opens the start form, sets the clock's start and confirms. Retried as a whole: on a machine loaded far beyond its
   * cores the panel was seen to lose its open form before the confirmation (see the branch's report).
   */
  async start(protocol: string, anchorMsAgo: number): Promise<void> {
    await expect(async () => {
      const confirm = this.root.getByTestId("protocol-start-confirm");
      if ((await confirm.count()) === 0) await this.root.getByTestId(`protocol-start-${protocol}`).click();
      await this.root.getByTestId("protocol-anchor-at").fill(this.localTime(anchorMsAgo), { timeout: 5_000 });
      await confirm.click({ timeout: 5_000 });
      await expect(this.plan(protocol)).toBeVisible({ timeout: 15_000 });
    }).toPass({ timeout: 90_000 });
  }

  /** Opens the step's signing form and signs it as done `msAgo` before now; `expectRefusal` leaves the form open. */
  async sign(protocol: string, stepId: string, msAgo: number, expectRefusal?: RegExp): Promise<void> {
    const step = this.step(protocol, stepId);
    if ((await step.locator("form").count()) === 0) await step.getByTestId("protocol-sign").click();
    await step.getByTestId("protocol-done-at").fill(this.localTime(msAgo));
    await step.getByTestId("protocol-sign-confirm").click();
    if (expectRefusal) await expect(step.getByRole("alert")).toContainText(expectRefusal);
    else await expect(step).toHaveAttribute("data-state", "done");
  }
}
