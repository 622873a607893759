// A second factor for every staff account (issue #15 part 3): a new staff member's first sign-in opens the
// enrolment (QR code and key), a first code computed here turns it on and shows the recovery codes once; from then on
// the sign-in asks for a code after the password, and refuses a wrong one. axe on each page.
import { connect, disconnect, type BackOfficeData } from "./back-office-data";
import { expectAccessible, freshCode, signOut, expect, test, PASSWORD } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

test("a new staff member enrols an authenticator, then signs in with a code; a wrong code is refused", async ({ page }) => {
  test.setTimeout(120_000);
  const email = `e2e-staff-${Date.now()}@demo.caisse.be`;
  await data.client.query(
    `insert into "User" (id, email, "passwordHash", role, name, locale) select $1, $2, "passwordHash", 'ADVISOR', 'E2E Nouvelle Conseillère', 'fr' from "User" where email = 'advisor@demo.caisse.be'`,
    [`e2e-staff-${Date.now()}`, email],
  );
  const fillLogin = async () => {
    await page.goto("/login");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  };
  await fillLogin();
  await page.waitForURL("**/second-factor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activer la double authentification");
  await expect(page.getByRole("img", { name: /Code QR/ })).toBeVisible();
  await expectAccessible(page);
  // the staff pages stay closed until then
  expect((await page.request.get("/staff/queues", { maxRedirects: 0 })).status()).toBe(307);
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code à 6 chiffres").fill("000000");
  await page.getByRole("button", { name: "Activer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Ce code ne correspond pas" })).toBeVisible();
  await page.getByLabel("Code à 6 chiffres").fill(await freshCode(secret));
  await page.getByRole("button", { name: "Activer" }).click();
  await expect(page.getByRole("heading", { name: "Double authentification activée." })).toBeVisible();
  await expect(page.getByRole("list", { name: "Codes de secours" }).getByRole("listitem")).toHaveCount(10);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Continuer vers l'espace collaborateurs" }).click();
  await page.waitForURL("**/staff");
  await signOut(page);

  // the next sign-in asks for a code after the password
  await fillLogin();
  await expect(page.getByLabel("Code de vérification")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Code de vérification").fill("123456");
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Ce code n'est pas valable" })).toBeVisible();
  await page.getByLabel("Code de vérification").fill(await freshCode(secret));
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await page.waitForURL("**/staff");
});
