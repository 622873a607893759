// Continued insurance and a director's release from joint liability (issue #18 part 2), in French. Continued
// insurance: the person gives the end of the activity and sees, before sending, each condition computed from the
// dossier (the 4 quarters of main-occupation contributions, the last day to ask) and the period — no amount; the
// advisor accepts and the letter gives the period and the option. Release: the director sees the company's years
// with their one-year deadline, picks one, explains why; accepted, the letter names the company and the year. On
// dossiers of their own (the demo logins' accounts stay as seeded); axe on every page. The portal's "today" is 2026-11-28.
import { connect, disconnect, dossierWithLogin, pdfText, type BackOfficeData } from "./back-office-data";
import type { Page } from "@playwright/test";
import { expectAccessible, signIn, signInFr, signOut, expect, test } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

/** The advisor opens the request, starts the review and accepts it; returns the letter's text as the affiliate reads it. */
async function acceptAndReadLetter(page: Page, requestId: string, login: string): Promise<string> {
  await signIn(page, "advisor3@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto(`/staff/requests/${requestId}`);
  await expectAccessible(page);
  await page.getByLabel("Décision", { exact: true }).selectOption("start-review");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("En examen");
  await page.getByLabel("Décision", { exact: true }).selectOption("accept");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Acceptée");
  await signOut(page);
  await signInFr(page, login);
  const pdf = await page.request.get(`/api/decisions/${requestId}`);
  expect(pdf.status()).toBe(200);
  return pdfText(await pdf.body());
}

test("continued insurance: the conditions and the period before sending, no invented amount, the letter on acceptance", async ({ page }) => {
  test.setTimeout(180_000);
  const me = await dossierWithLogin(
    data.client,
    "continued",
    `exists (select 1 from "Affiliation" af join "CategoryPeriod" cp on cp."affiliationId" = af.id where af."affiliateId" = a.id and af.status = 'ACTIVE' and af."endOn" is null
             and cp.category = 'MAIN' and cp."fromOn" <= '2025-10-01' and cp."toOn" is null)
     and not exists (select 1 from "Affiliation" af where af."affiliateId" = a.id and af."endOn" is not null)
     and not exists (select 1 from "Request" r where r."affiliateId" = a.id and r.type = 'CONTINUED_INSURANCE')`,
  );
  await signInFr(page, me.login);
  await page.goto("/me/requests");
  await page.getByRole("link", { name: "Demander l'assurance continuée après la cessation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander l'assurance continuée");
  const effect = page.getByTestId("continued-effect");
  await expect(effect).toContainText("Indiquez votre dernier jour d'activité pour voir les conditions.");
  await expectAccessible(page);

  await page.locator("#continued-option").selectOption("PENSION_AND_HEALTH");
  await page.locator("#continued-cessationOn").fill("2026-09-30");
  await expect(effect).toContainText("Fin de l'activité : 30/09/2026, au T3 2026.");
  await expect(page.getByTestId("continued-quarters")).toContainText("T4 2025 : cotisations à titre principal ou de conjoint aidant, condition remplie.");
  await expect(page.getByTestId("continued-deadline")).toHaveText("Demande dans le délai : au plus tard le 30/06/2027.");
  await expect(page.getByTestId("continued-period")).toHaveText("Période demandée : du T4 2026 au T3 2028 inclus (au plus tard jusqu'au T3 2028).");
  await expect(effect).toContainText("calculé par la caisse");
  await expect(effect).not.toContainText("€");
  await page.locator("#continued-quarters").selectOption("4");
  await expect(page.getByTestId("continued-period")).toContainText("du T4 2026 au T3 2027 inclus");
  await expectAccessible(page);
  // the declaration is required: said in words
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.locator("#continued-noOtherStatus-error")).toContainText("Confirmez que vous n'avez pas d'autre statut social");
  await page.locator("#continued-noOtherStatus").check();
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez vos réponses" })).toBeVisible();
  await expect(page.locator("dd", { hasText: /^30\/09\/2026$/ })).toBeVisible();
  await expect(page.locator("dd", { hasText: /^4 trimestres$/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await page.waitForURL(/\/me\/requests\/D-2026-\d{6}\?filed=1/);
  const reference = await page.getByTestId("request-reference").innerText();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Assurance continuée — ${reference}`);
  await expectAccessible(page);
  const { rows } = await data.client.query(`select id, payload from "Request" where reference = $1`, [reference]);
  expect(rows[0].payload).toMatchObject({ option: "PENSION_AND_HEALTH", cessationOn: "2026-09-30", quarters: 4, lastQuarter: { year: 2027, quarter: 3 } });
  await signOut(page);

  const text = await acceptAndReadLetter(page, rows[0].id, me.login);
  expect(text).toContain("votre demande est acceptée");
  expect(text).toContain("pour la pension et les soins de santé");
  expect(text).toContain("du 4e trimestre 2026 au 3e trimestre 2027 inclus");
});

test("release from joint liability: the director picks a year within its one-year deadline and explains why; the letter names the company and the year", async ({ page }) => {
  test.setTimeout(180_000);
  const me = await dossierWithLogin(
    data.client,
    "joint-release",
    `exists (select 1 from "CompanyDirector" cd join "Affiliate" ca on ca."companyId" = cd."companyId"
             where cd."personId" = a."personId" and cd."toOn" is null and cd."fromOn" <= '2025-01-01'
               and exists (select 1 from "ContributionCall" c where c."affiliateId" = ca.id and c.kind = 'COMPANY' and c.year = 2025))
     and (select count(*) from "CompanyDirector" cd where cd."personId" = a."personId") = 1
     and not exists (select 1 from "Request" r where r."affiliateId" = a.id and r.type = 'JOINT_LIABILITY_RELEASE')`,
  );
  const { rows: company } = await data.client.query(
    `select c.name from "CompanyDirector" cd join "Company" c on c.id = cd."companyId" join "Affiliate" a on a."personId" = cd."personId" where a.id = $1`,
    [me.affiliateId],
  );
  await signInFr(page, me.login);
  await page.goto("/me/requests");
  await page.getByRole("link", { name: "Demander la décharge de la responsabilité solidaire d'un mandataire de société" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander la décharge de la responsabilité solidaire");
  await expect(page.getByRole("heading", { name: `Société : ${company[0].name}` })).toBeVisible();
  const years = page.getByTestId("joint-years");
  await expect(years.locator("tbody tr", { hasText: /^\s*2025/ })).toContainText("31/12/2026");
  await expect(years.locator("tbody tr", { hasText: /^\s*2025/ })).toContainText("Oui");
  await expectAccessible(page);
  // a company the person does not direct: not found
  const other = await page.request.get("/me/requests/joint-liability-release?company=not-mine");
  expect(other.status()).toBe(404);

  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.locator("#joint-release-years-error")).toHaveText("Choisissez au moins une année.");
  await page.getByLabel("2025 (à demander au plus tard le 31/12/2026)").check();
  await page.locator("#joint-release-motivation").fill("J'ai démissionné de mon mandat ; la démission est publiée au Moniteur belge.");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez vos réponses" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await page.waitForURL(/\/me\/requests\/D-2026-\d{6}\?filed=1/);
  const reference = await page.getByTestId("request-reference").innerText();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Décharge de la responsabilité solidaire — ${reference}`);
  await expectAccessible(page);
  const { rows } = await data.client.query(`select id, payload from "Request" where reference = $1`, [reference]);
  expect(rows[0].payload).toMatchObject({ companyName: company[0].name, years: [2025] });
  // the year asked for is no longer offered
  await page.goto("/me/requests/joint-liability-release");
  await expect(years.locator("tbody tr", { hasText: /^\s*2025/ })).toContainText("Déjà demandée");
  await signOut(page);

  const text = await acceptAndReadLetter(page, rows[0].id, me.login);
  expect(text).toContain("votre demande est acceptée");
  expect(text).toContain(`cotisation des sociétés de ${company[0].name}`);
  expect(text).toContain("année 2025");
});
