// Issue #15 parts 1–2 in Chromium: sign-in with eID / itsme through the local OpenID provider (scripts/oidc-provider.ts,
// started beside the e2e database), with real redirects — the portal's button, the provider's citizen page, the
// code flow back to the portal. An affiliate lands on their own account; a company director reaches the company
// (from their own account, or straight away when they are not affiliated themselves); an unknown national number
// gets the page that offers the affiliation request.
import { makeNiss } from "../prisma/factories";
import { connect, disconnect, type BackOfficeData } from "./back-office-data";
import { expect, expectAccessible, test } from "./support";
import type { Page } from "@playwright/test";

let data: BackOfficeData | undefined;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

/** From the portal's sign-in page to the provider's citizen page. */
async function toCitizenPage(page: Page) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Continuer avec eID ou itsme" }).click();
  await page.waitForURL(/\/interaction\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion avec eID ou itsme");
  // the provider runs on its own origin
  expect(new URL(page.url()).port).not.toBe(new URL(test.info().project.use.baseURL!).port);
}

/** The demo affiliate (affiliate@demo.caisse.be): the seed may give her name to someone else too. */
const JULIE = /Julie Dubois .*a un compte sur le portail/;

async function confirmAtProvider(page: Page) {
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
}

test("an affiliate signs in with eID through the provider and lands on their own account", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page);
  await toCitizenPage(page);
  await expectAccessible(page);
  await page.getByRole("radio", { name: JULIE }).check();
  await page.getByLabel("Carte d'identité électronique (eID)").check();
  await confirmAtProvider(page);
  await page.waitForURL("**/me");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Julie Dubois");
  await expect(page.getByText("Indépendant à titre principal")).toBeVisible();
  // the companies she directs are offered
  await expect(page.getByRole("region", { name: "Les sociétés dont vous êtes mandataire" })).toBeVisible();
  await expectAccessible(page);
});

test("a company director reaches the company's dossier from their own, through the provider again", async ({ page }) => {
  await toCitizenPage(page);
  await page.getByRole("radio", { name: JULIE }).check();
  await page.getByLabel("itsme").check();
  await confirmAtProvider(page);
  await page.waitForURL("**/me");
  await page.getByRole("button", { name: "Ouvrir le dossier de Dubois Consulting SRL" }).click();
  // the provider still knows her (its own session): straight back, into the company's dossier
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Dubois Consulting SRL");
  await expect(page.getByText("Cotisation des sociétés").first()).toBeVisible();
  await expectAccessible(page);
});

test("a director who is not affiliated reaches the company straight away", async ({ page }) => {
  const client = data!.client;
  const { rows } = await client.query<{ id: string; name: string }>(
    `select c.id, c.name from "Company" c join "Affiliate" a on a."companyId" = c.id
      where not exists (select 1 from "User" u where u."affiliateId" = a.id) order by c.name limit 1`,
  );
  const company = rows[0];
  const niss = makeNiss("1971-05-17", 915, "M");
  await client.query(
    `insert into "Person" (id, niss, "firstName", "lastName", "birthDate", sex, street, "postalCode", city, "updatedAt")
     values ('e2e-fas-director', $1, 'Victor', 'Mandataire', '1971-05-17', 'M', 'Rue du Test 1', '1000', 'Bruxelles', now())
     on conflict (id) do nothing`,
    [niss],
  );
  await client.query(
    `insert into "CompanyDirector" (id, "companyId", "personId", "fromOn") values ('e2e-fas-director', $1, 'e2e-fas-director', '2020-01-01')
     on conflict (id) do nothing`,
    [company.id],
  );
  await toCitizenPage(page);
  await page.getByLabel("Autre numéro de registre national", { exact: true }).check();
  await page.getByLabel(/11 chiffres/).fill(niss);
  await confirmAtProvider(page);
  await page.waitForURL("**/me");
  // the company's own login, in the company's language
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^(Bonjour|Goeiedag) ${company.name}$`));
  await expectAccessible(page);
});

test("an unknown national number gets the page that offers the affiliation request", async ({ page }) => {
  await toCitizenPage(page);
  await page.getByLabel(/Citoyen inconnu de la caisse/).check();
  await confirmAtProvider(page);
  await page.waitForURL("**/login/not-affiliated");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aucun dossier à votre nom");
  await expectAccessible(page);
  // no session was opened
  await page.goto("/me");
  await page.waitForURL(/\/login/);
  await page.goto("/login/not-affiliated");
  await page.getByRole("link", { name: "Demander mon affiliation" }).click();
  await page.waitForURL("**/affiliation");
  await expectAccessible(page);
});

test("cancelling at the provider comes back to the sign-in page with a message", async ({ page }) => {
  await toCitizenPage(page);
  await page.getByRole("button", { name: "Annuler" }).click();
  await page.waitForURL(/\/login\?/);
  await expect(page.getByRole("alert").filter({ hasText: "La connexion avec eID ou itsme n'a pas abouti" })).toBeVisible();
  await expectAccessible(page);
});
