import { expectAccessible, signIn, expect, test } from "./support";

test("anonymous visitors of the private areas are sent to the sign-in page", async ({ page }) => {
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fme/);
  await page.goto("/staff/dossiers/affiliate-100001");
  await expect(page).toHaveURL(/\/login/);
  // a forged X-Forwarded-Host never sends anyone to another site: the portal's own address, always
  const forged = await page.request.get("/me/pay", { maxRedirects: 0, headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" } });
  expect(forged.status()).toBe(307);
  const location = new URL(forged.headers()["location"], page.url());
  expect(location.host).not.toContain("evil.example");
  expect(`${location.pathname}${location.search}`).toBe("/login?callbackUrl=%2Fme%2Fpay");
  // a public form takes a small body: a megabyte sent to the affiliation page is refused before any code runs
  const big = await page.request.post("/affiliation", { data: "x".repeat(1024 * 1024), headers: { "content-type": "text/plain" } });
  expect(big.status()).toBe(413);
});

test("an affiliate gets 404 on another affiliate's call and on the whole staff area", async ({ page }) => {
  await signIn(page, "affiliate@demo.caisse.be");
  await page.waitForURL("**/me");
  // their own call opens…
  const own = await page.goto("/me/calls/call-100001-2026-4");
  expect(own?.status()).toBe(200);
  // …another affiliate's does not exist for them
  const foreign = await page.goto("/me/calls/call-100004-2026-4");
  expect(foreign?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expectAccessible(page);
  for (const url of ["/staff", "/staff/dossiers/affiliate-100004", "/staff/parameters"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
});

test("staff cannot open the affiliate area", async ({ page }) => {
  await signIn(page, "advisor@demo.caisse.be");
  await page.waitForURL("**/staff");
  const response = await page.goto("/me");
  expect(response?.status()).toBe(404);
});

test("the language switch changes every string and is remembered for the user", async ({ page }) => {
  await signIn(page, "affiliate@demo.caisse.be");
  await page.waitForURL("**/me");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Goeiedag Julie Dubois");
  await expect(page.getByText("Zelfstandige in hoofdberoep")).toBeVisible();
  await expectAccessible(page);
  // remembered per user: a fresh browser context (no cookie) gets Dutch after signing in
  await page.context().clearCookies();
  await signIn(page, "affiliate@demo.caisse.be");
  await page.waitForURL("**/me");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Goeiedag Julie Dubois");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Julie Dubois");
});
