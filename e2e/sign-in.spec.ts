import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in";
import { DEMO_BED_COUNT, DEMO_UNIT_ID } from "./support/station-env";

// These tests start signed out and sign in through the page, as a person does.
test.use({ role: null });

const VA_ECMO_BED = "demo-bed-1";

test.describe("signing in", () => {
  test("a visitor is sent to the sign-in page, sees the DEMO banner and the demo accounts, and comes back where they were going", async ({
    page,
    station,
  }) => {
    const signIn = new SignInPage(page);
    await station.open(DEMO_UNIT_ID);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fstation%2Fdemo-icu/);
    await expect(signIn.demoBanner).toBeVisible();
    await expect(signIn.demoBanner).toContainText("DEMO");
    for (const role of ["nurse", "physician", "perfusionist", "admin", "display"]) {
      await expect(signIn.demoAccounts.getByTestId(`demo-account-${role}`)).toBeVisible();
    }
    await signIn.signInWithDemoAccount("nurse");
    await expect(page).toHaveURL(new RegExp(`/station/${DEMO_UNIT_ID}$`));
    await station.waitForLiveBeds(DEMO_BED_COUNT);
  });

  test("a wrong password and an unknown name get the same answer, which says neither", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn("physician", "not-the-password");
    await expect(signIn.error).toHaveText("The username or password is incorrect.");
    await signIn.signIn("nobody-by-that-name", "not-the-password");
    await expect(signIn.error).toHaveText("The username or password is incorrect.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("signing out ends the session: the pages send back to the sign-in page", async ({ page, station }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signInWithDemoAccount("perfusionist");
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    const menu = await signIn.openUserMenu();
    await menu.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/);
    await expect(signIn.reason).toHaveText("You are signed out.");
    await station.open(DEMO_UNIT_ID);
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get(`/api/units/${DEMO_UNIT_ID}/station`)).status()).toBe(401);
  });
});

test.describe("what each role sees", () => {
  test("a nurse: the station and the beds; no imports, no administration, no score recording", async ({
    page,
    station,
  }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signInWithDemoAccount("nurse");
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    const menu = await signIn.openUserMenu();
    await expect(menu).toHaveAttribute("data-role", "nurse");
    await expect(menu.getByTestId("nav-import")).toHaveCount(0);
    await expect(menu.getByTestId("nav-admin")).toHaveCount(0);
    await page.goto(`/beds/${VA_ECMO_BED}`);
    await expect(page.getByTestId("scores-panel")).toBeVisible();
    await expect(page.getByTestId("save-open")).toHaveCount(0);
    await page.goto("/import");
    await expect(page.getByTestId("access-denied")).toBeVisible();
  });

  test("a physician: imports, and records the SAVE score", async ({ page, station }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signInWithDemoAccount("physician");
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    const menu = await signIn.openUserMenu();
    await expect(menu.getByTestId("nav-import")).toBeVisible();
    await expect(menu.getByTestId("nav-admin")).toHaveCount(0);
    await page.goto(`/beds/${VA_ECMO_BED}`);
    await expect(page.getByTestId("save-open")).toBeVisible();
  });

  test("a perfusionist: records the SAVE score; no imports", async ({ page, station }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signInWithDemoAccount("perfusionist");
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    const menu = await signIn.openUserMenu();
    await expect(menu.getByTestId("nav-import")).toHaveCount(0);
    await page.goto(`/beds/${VA_ECMO_BED}`);
    await expect(page.getByTestId("save-open")).toBeVisible();
  });

  test("an administrator: users, displays and the audit trail, where this sign-in is recorded", async ({ page }) => {
    // The trail's times are whole milliseconds from the server's clock, which is this machine's.
    const startedAt = Date.now();
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signInWithDemoAccount("admin");
    const menu = await signIn.openUserMenu();
    await expect(menu.getByTestId("nav-admin")).toBeVisible();
    await menu.getByTestId("nav-admin").click();
    await expect(page).toHaveURL(/\/admin\/users/);
    for (const name of ["Demo Nurse", "Demo Physician", "Demo Perfusionist", "Demo Administrator"]) {
      await expect(page.getByTestId("user-row").filter({ hasText: name })).toBeVisible();
    }
    // Newest first: this very sign-in heads the trail's sign-ins. Not the trail itself: the alarm engine's own rows
    // (an alarm raised by the simulated unit) can land in the same second, above it.
    await page.goto("/admin/audit");
    const newestSignIn = page.locator('[data-testid="audit-row"][data-action="auth.sign-in"]').first();
    await expect(newestSignIn).toContainText("Signed in");
    await expect(newestSignIn).toContainText("admin");
    const at = Date.parse((await newestSignIn.locator("time").getAttribute("datetime")) ?? "");
    expect(at, "the newest sign-in on the trail is this test's").toBeGreaterThanOrEqual(startedAt);
  });

  test("a wall screen: its unit's beds, initials only, no bed detail, nothing to change", async ({ page, station }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signInWithDemoAccount("display");
    await expect(page).toHaveURL(new RegExp(`/station/${DEMO_UNIT_ID}$`));
    await station.waitForLiveBeds(DEMO_BED_COUNT);
    await expect(page.getByTestId("bed-tile-link")).toHaveCount(0);
    await expect(page.getByTestId("bed-tile-label")).toHaveCount(DEMO_BED_COUNT);
    await expect(signIn.userMenu.locator("summary")).toHaveCount(0);
    for (const path of [`/beds/${VA_ECMO_BED}`, "/import", "/admin/users"]) {
      await page.goto(path);
      await expect(page.getByTestId("access-denied"), path).toBeVisible();
    }
    const denied = await page.request.post(`/api/beds/${VA_ECMO_BED}/save-score`, { data: {} });
    expect(denied.status()).toBe(403);
  });
});
