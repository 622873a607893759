// Accountants with a mandate (issue #17), in Chromium: an affiliate gives their accountant a mandate, the accountant
// signs in, finds the client in the portfolio, files a contribution-reduction request for them; the affiliate reads it
// as filed by the accountant; revoking makes the client's pages answer 404 to the accountant at once. Then the same
// affiliate reads their home, a call, the pay page and the request in German and in English. axe on every page.
import { connect, disconnect, dossierWithLogin, type BackOfficeData } from "./back-office-data";
import { expectAccessible, signIn, signInFr, signOut, expect, test } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

const ACCOUNTANT = "accountant@demo.caisse.be";

test("a mandate given, used to file a request on the client's behalf, then revoked; the portal in German and English", async ({ page, browser }) => {
  test.setTimeout(240_000);
  // a dossier of its own, with no mandate yet and a call still to pay
  const me = await dossierWithLogin(
    data.client,
    "mandate",
    `not exists (select 1 from "AccountantMandate" m where m."affiliateId" = a.id)
       and exists (select 1 from "ContributionCall" c where c."affiliateId" = a.id and c.kind = 'PROVISIONAL' and c.category = 'MAIN' and c.year = 2026)`,
  );
  const { rows } = await data.client.query(`select p."firstName" || ' ' || p."lastName" as name from "Affiliate" a join "Person" p on p.id = a."personId" where a.id = $1`, [me.affiliateId]);
  const clientName: string = rows[0].name;

  // 1. the affiliate gives the mandate: read, and file requests
  await signInFr(page, me.login);
  await page.goto("/me/profile");
  await page.getByRole("link", { name: "Gérer les mandats de mon comptable" }).click();
  await expect(page).toHaveURL(/\/me\/accountant$/);
  await expectAccessible(page);
  await page.getByLabel("Numéro ITAA du comptable").fill("50.123.456");
  await page.getByLabel(/Il peut introduire des demandes en mon nom/).check();
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez vos réponses" })).toBeVisible();
  await page.getByRole("button", { name: "Donner le mandat" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Mandat donné à Luc Janssens" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "Luc Janssens" })).toContainText("en cours");
  await expectAccessible(page);

  // 2. the accountant signs in (password and second factor), finds the client, opens the file, files a reduction
  const accountantContext = await browser.newContext();
  const acc = await accountantContext.newPage();
  await signIn(acc, ACCOUNTANT);
  await acc.waitForURL("**/portfolio");
  if (process.env.E2E_SHOTS) await acc.screenshot({ path: "/tmp/shot-portfolio.png", fullPage: true });
  await expectAccessible(acc);
  const row = acc.getByRole("row").filter({ hasText: clientName });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: `Ouvrir le dossier — ${clientName}` }).click();
  await acc.waitForURL("**/me");
  if (process.env.E2E_SHOTS) await acc.screenshot({ path: "/tmp/shot-acting.png", fullPage: true });
  await expect(acc.getByRole("region", { name: "Dossier consulté pour un client" })).toContainText(`Vous consultez le dossier de ${clientName}`);
  await expectAccessible(acc);
  await acc.goto("/me/requests/contribution");
  await acc.locator("#change-estimatedIncome").fill("12000");
  await acc.getByLabel("Pourquoi votre revenu change-t-il ?").fill("Ma cliente a perdu son principal client en octobre ; son revenu baisse fortement.");
  await acc.getByRole("button", { name: "Continuer" }).click();
  await acc.getByRole("button", { name: "Envoyer ma demande" }).click();
  await acc.waitForURL(/\/me\/requests\/D-\d{4}-\d{6}\?filed=1/);
  const reference = /D-\d{4}-\d{6}/.exec(acc.url())![0];
  await expectAccessible(acc);
  const requestUrl = `/me/requests/${reference}`;

  // 3. the affiliate reads the request as filed by their accountant, and the visit in "who consulted my file"
  await page.goto(requestUrl);
  await expect(page.getByText("Introduite par Luc Janssens, votre comptable mandaté")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/me/profile");
  await expect(page.getByRole("row").filter({ hasText: "Luc Janssens" }).first()).toContainText("Votre dossier, ouvert par votre comptable mandaté");

  // 4. the affiliate revokes: the accountant's next request for the client's pages answers 404
  await page.goto("/me/accountant");
  await page.getByRole("button", { name: "Retirer le mandat — Luc Janssens" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le mandat est retiré" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Luc Janssens" })).toContainText("retiré");
  for (const path of ["/me", requestUrl, "/me/pay"]) expect((await acc.goto(path))?.status(), path).toBe(404);
  await acc.goto("/portfolio");
  await expect(acc.getByRole("row").filter({ hasText: clientName })).toHaveCount(0);
  await accountantContext.close();

  // 5. the same affiliate in German, then in English: home, a call, the pay page, the request
  const call = await data.client.query(`select id from "ContributionCall" where "affiliateId" = $1 order by year desc, quarter desc limit 1`, [me.affiliateId]);
  for (const [language, heading] of [["Deutsch", "de"], ["English", "en"]] as const) {
    await page.goto("/me");
    await page.getByRole("button", { name: language }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", heading);
    for (const path of ["/me", `/me/calls/${call.rows[0].id}`, "/me/pay", requestUrl]) {
      await page.goto(path);
      await expectAccessible(page);
      if (process.env.E2E_SHOTS) await page.screenshot({ path: `/tmp/shot-${heading}-${path.split("/").slice(2, 3).join("") || "home"}.png`, fullPage: true });
      // no French left on the page's navigation
      await expect(page.getByRole("navigation").first()).not.toContainText("Mon compte");
    }
  }
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await signOut(page);
});
