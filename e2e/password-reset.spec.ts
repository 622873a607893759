// "Forgot password" end to end, for a login this spec creates (never a demo login: other specs sign in with them):
// the link on the sign-in page, the same neutral answer for a known and an unknown address, the e-mail caught by the
// mail catcher, a new password from its link (once), then the sign-in with it. axe on every page.

import { caughtMail, connect, disconnect, linkTo, type BackOfficeData } from "./back-office-data";
import { expectAccessible, PASSWORD, signIn, expect, test } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

/** An affiliate login (demo password) of its own, on a seeded person dossier that has none. */
async function ownLogin(): Promise<string> {
  const email = `e2e-reset-${Date.now()}@test.caisse.be`;
  const { rowCount } = await data.client.query(
    `insert into "User" (id, email, "passwordHash", role, name, locale, "affiliateId")
     select $1, $2, (select "passwordHash" from "User" where email = 'affiliate@demo.caisse.be'), 'AFFILIATE', 'E2E reset', 'fr', a.id
     from "Affiliate" a where a.kind = 'PERSON' and not exists (select 1 from "User" u where u."affiliateId" = a.id)
     order by a."memberNumber" limit 1`,
    [`e2e-reset-${Date.now()}`, email],
  );
  expect(rowCount).toBe(1);
  return email;
}

test("a forgotten password is reset from the e-mailed link, once, and the new one signs in", async ({ page }) => {
  test.setTimeout(120_000);
  const email = await ownLogin();

  await page.goto("/login");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mot de passe oublié");
  await expectAccessible(page);
  // bad input: linked error summary, field marked
  await page.getByLabel("Adresse e-mail").fill("pas une adresse");
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /adresse e-mail valide/ })).toHaveAttribute("href", "#forgot-email");
  await expect(page.locator("#forgot-email")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // an unknown address gets the same answer as a known one
  await page.getByLabel("Adresse e-mail").fill(`nobody-${Date.now()}@test.caisse.be`);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  const neutral = await page.getByRole("status").filter({ hasText: "Si un compte existe" }).innerText();
  await page.goto("/forgot-password");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Si un compte existe" })).toHaveText(neutral);
  await expectAccessible(page);

  const mail = await caughtMail(email);
  expect(mail.subject).toBe("Choisir un nouveau mot de passe");
  const link = linkTo(mail.text, "reset-password");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choisir un nouveau mot de passe");
  await expectAccessible(page);
  // too short: refused in the form, what was typed is kept
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("court");
  await page.getByLabel("Confirmez le nouveau mot de passe").fill("court");
  await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /au moins 12 caractères/ })).toHaveAttribute("href", "#pw-password");
  await expect(page.locator("#pw-password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#pw-password")).toHaveValue("court");
  await expectAccessible(page);
  const fresh = "un nouveau mot de passe solide";
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(fresh);
  await page.getByLabel("Confirmez le nouveau mot de passe").fill(fresh);
  await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
  await page.waitForURL(/\/login\?reset=1/);
  await expect(page.getByRole("status").filter({ hasText: "Votre mot de passe est modifié" })).toBeVisible();
  await expectAccessible(page);

  // the old password no longer works, the new one does
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "Adresse e-mail ou mot de passe incorrect." })).toBeVisible();
  await signIn(page, email, fresh);
  await page.waitForURL("**/me");

  // the link was for one use
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByTestId("invalid-link")).toBeVisible();
  await expectAccessible(page);
});
