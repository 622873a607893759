// Documents (PDF certificates from the ledger, ownership checked by the route handlers) and the profile form
// (validated refund IBAN, changes in the audit log) — FR and NL, axe on every page.

import pg from "pg";
import { connect, disconnect, type BackOfficeData } from "./back-office-data";
import { expectAccessible, signIn, signInFr, expect, test, PASSWORD } from "./support";

let data: BackOfficeData | undefined;
let client: pg.Client;
test.beforeAll(async () => {
  data = await connect();
  client = data.client;
});
test.afterAll(() => disconnect(data));

test("the documents page gives PDF certificates of the caller only", async ({ page }) => {
  test.setTimeout(120_000);
  await signInFr(page, "affiliate@demo.caisse.be");
  await page.getByRole("main").getByRole("link", { name: "Mes documents" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes documents");
  await expectAccessible(page);
  for (const href of ["/api/me/documents/tax-certificate/2025", "/api/me/documents/affiliation-certificate"]) {
    await expect(page.locator(`a[href="${href}"]`)).toBeVisible();
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  }
  expect((await page.request.get("/api/me/documents/tax-certificate/2099")).status()).toBe(404);
  expect((await page.request.get("/api/me/documents/no-such-document")).status()).toBe(404);
  const { rows } = await client.query(`select d.id from "Document" d join "Affiliate" a on a.id = d."affiliateId" where a."memberNumber" <> '100001' limit 1`);
  if (rows.length > 0) expect((await page.request.get(`/api/me/documents/${rows[0].id}`)).status()).toBe(404);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn documenten");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes documents");
});

test("staff and anonymous visitors get no affiliate document", async ({ page }) => {
  expect((await page.request.get("/api/me/documents/affiliation-certificate")).status()).toBe(404);
  await signIn(page, "advisor@demo.caisse.be");
  await page.waitForURL("**/staff");
  expect((await page.request.get("/api/me/documents/tax-certificate/2025")).status()).toBe(404);
});

test("the profile refuses a bad refund IBAN, then saves and logs the change (FR and NL)", async ({ page }) => {
  test.setTimeout(120_000);
  await signInFr(page, "spouse@demo.caisse.be");
  await page.getByRole("main").getByRole("link", { name: "Mon profil" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon profil");
  await expectAccessible(page);
  const iban = page.getByLabel("IBAN pour les remboursements");
  await iban.fill("BE35 3101 2345 6738");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /Cet IBAN belge n'est pas valable/ })).toHaveAttribute("href", "#profile-refundIban");
  await expect(iban).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await iban.fill("BE35 3101 2345 6737");
  await page.getByLabel("Me prévenir par SMS").check();
  // the refund account changes only with the current password (step-up)
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /entrez votre mot de passe actuel/ })).toHaveAttribute("href", "#profile-currentPassword");
  await page.getByLabel("Mot de passe actuel").fill(PASSWORD);
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Vos modifications sont enregistrées." })).toBeVisible();
  const { rows } = await client.query(
    `select l.details from "AuditLog" l join "Affiliate" a on a.id = l."entityId" join "User" u on u."affiliateId" = a.id
     where l.action = 'profile.update' and u.email = 'spouse@demo.caisse.be' order by l.at desc limit 1`,
  );
  expect(rows[0].details).toMatchObject({ refundIban: { to: "BE35310123456737" }, notificationPrefs: { to: { sms: true } } });
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn profiel");
  await expect(page.getByLabel("IBAN voor terugbetalingen")).toHaveValue("BE35 3101 2345 6737");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon profil");
});
