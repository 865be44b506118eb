import { expect, type Locator, type Page } from "@playwright/test";
import type { TRole } from "@/lib/auth/roles";

/** The sign-in page (components/auth/SignInForm.tsx) and the user menu every signed-in page carries. */
export class SignInPage {
  readonly form: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly reason: Locator;
  readonly demoBanner: Locator;
  readonly demoAccounts: Locator;
  readonly userMenu: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("sign-in-form");
    this.username = this.form.getByLabel("Username");
    this.password = this.form.getByLabel("Password");
    this.submit = this.form.getByRole("button", { name: "Sign in" });
    this.error = page.getByTestId("sign-in-error");
    this.reason = page.getByTestId("sign-in-reason");
    this.demoBanner = page.getByTestId("demo-banner");
    this.demoAccounts = page.getByTestId("demo-accounts");
    this.userMenu = page.getByTestId("user-menu");
  }

  async open(): Promise<void> {
    await this.page.goto("/sign-in");
  }

  /** Signs in with a demo account through its "Use" button, as a demo visitor does. */
  async signInWithDemoAccount(role: TRole): Promise<void> {
    await this.demoAccounts.getByTestId(`demo-account-${role}`).getByRole("button").click();
    await this.submit.click();
    await expect(this.page).not.toHaveURL(/\/sign-in/);
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Opens the user menu (a disclosure) so that its links and buttons can be looked at. */
  async openUserMenu(): Promise<Locator> {
    await this.userMenu.locator("summary").click();
    return this.userMenu;
  }
}
