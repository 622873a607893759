// Back office: find a dossier by a mistyped name; four eyes on a payment plan outside policy (advisor@ proposes,
// advisor2@ approves; the proposer cannot approve their own); a refused reduction gives the affiliate a motivated
// decision letter with the appeal route; another affiliate gets a 404. axe on every page visited.
import { expect, test, type Page } from "@playwright/test";
import { connect, createRequest, disconnect, pdfText, type BackOfficeData } from "./back-office-data";
import { makeNiss } from "../prisma/factories";
import { expectAccessible, signIn, signOut } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL("**/staff");
}

test("an advisor finds a dossier by a mistyped name and opens it with a reason", async ({ page }) => {
  const { rows } = await data.client.query(`select "affiliateId" from "User" where email = 'affiliate@demo.caisse.be'`);
  await signInAs(page, "advisor@demo.caisse.be");
  await page.getByLabel(/Nom, numéro national/).fill("Duboiss Julie");
  await page.getByRole("button", { name: "Rechercher" }).click();
  // the demo has more than one Julie Dubois: the affiliate's own dossier is among the hits
  const hit = page.getByRole("link", { name: "Dubois, Julie" }).and(page.locator(`[href="/staff/dossiers/${rows[0].affiliateId}"]`));
  await expect(hit).toBeVisible();
  await expectAccessible(page);
  await hit.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Julie Dubois");
  await page.getByLabel("Pourquoi consultez-vous ce dossier ?").selectOption("phone");
  await page.getByRole("button", { name: "Consulter" }).click();
  await expect(page).toHaveURL(/reason=phone/);
  await expect(page.getByRole("table", { name: "Qui a consulté ce dossier, quand et pourquoi" })).toContainText("Appel téléphonique de l'affilié");
  await expectAccessible(page);
});

test("a payment plan outside policy needs a second advisor; the proposer cannot approve it", async ({ page }) => {
  test.setTimeout(180_000); // two advisors sign in one after the other
  const r = await createRequest(data.client, { email: "affiliate@demo.caisse.be", type: "PAYMENT_PLAN", payload: { debtCents: 300_000, advanceCents: 30_000, months: 24 } });
  await signInAs(page, "advisor@demo.caisse.be");
  await page.goto("/staff/queues?type=PAYMENT_PLAN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Files de travail");
  await expectAccessible(page);
  await page.getByRole("link", { name: `Ouvrir ${r.reference}` }).click();
  await expect(page.getByText("Hors politique du fonds")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Décision", { exact: true }).selectOption("accept");
  await page.getByLabel("Motif", { exact: true }).selectOption("planOutsidePolicy");
  await page.getByLabel("Motivation (reprise dans le courrier)").fill("Situation médicale attestée.");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("En attente d'une seconde validation");
  await expect(page.getByText("Vous avez fait cette proposition")).toBeVisible();
  // the proposer tries anyway: refused by the server
  await page.getByRole("button", { name: "Valider la décision" }).click();
  await expect(page.getByRole("region", { name: "Proposition à valider (quatre yeux)" }).getByRole("alert")).toContainText("Vous ne pouvez pas valider votre propre proposition");
  await expect(page.getByTestId("request-status")).toHaveText("En attente d'une seconde validation");
  await expectAccessible(page);
  const { rows } = await data.client.query(`select status from "Request" where id = $1`, [r.id]);
  expect(rows[0].status).toBe("AWAITING_SECOND_APPROVAL");
  await signOut(page);

  // advisor2 (Dutch) approves
  await signInAs(page, "advisor2@demo.caisse.be");
  await page.goto(`/staff/requests/${r.id}`);
  await page.getByRole("button", { name: "Beslissing goedkeuren" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Aanvaard");
  await expectAccessible(page);
  const events = await data.client.query(
    `select e."toStatus", u.email from "RequestEvent" e left join "User" u on u.id = e."actorId" where e."requestId" = $1 order by e.id`,
    [r.id],
  );
  expect(events.rows.slice(-2)).toEqual([
    { toStatus: "AWAITING_SECOND_APPROVAL", email: "advisor@demo.caisse.be" },
    { toStatus: "ACCEPTED", email: "advisor2@demo.caisse.be" },
  ]);
});

test("a refused reduction gives the affiliate a motivated decision with the appeal route", async ({ page }) => {
  test.setTimeout(180_000); // two advisors and two affiliates sign in one after the other
  const r = await createRequest(data.client, { email: "affiliate@demo.caisse.be", type: "REDUCTION", payload: { chosenIncomeCents: 1_000_000, year: 2026 } });
  await signInAs(page, "advisor@demo.caisse.be");
  await page.goto(`/staff/requests/${r.id}`);
  await page.getByLabel("Décision", { exact: true }).selectOption("refuse");
  // bad input: a refusal without a reason is stopped with a linked error summary
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Choisissez un motif." })).toHaveAttribute("href", "#decision-reasonCode");
  await expect(page.locator("#decision-reasonCode")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Motif", { exact: true }).selectOption("noObjectiveElements");
  await page.getByLabel("Motivation (reprise dans le courrier)").fill("Aucun élément comptable ne justifie un revenu de 10.000 euros.");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("En attente d'une seconde validation");
  await signOut(page);

  await signInAs(page, "advisor3@demo.caisse.be");
  await page.goto(`/staff/requests/${r.id}`);
  await page.getByRole("button", { name: "Valider la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Refusée");
  await expect(page.getByRole("link", { name: /Télécharger decision-/ })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "affiliate@demo.caisse.be");
  await page.waitForURL("**/me");
  const pdf = await page.request.get(`/api/decisions/${r.id}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = pdfText(await pdf.body());
  expect(text).toContain("Aucun élément comptable ne justifie un revenu de 10.000 euros.");
  expect(text).toContain("La demande n'est pas appuyée par des éléments objectifs.");
  expect(text).toContain("tribunal du travail");
  expect(text).toContain("dans les trois mois");
  expect(text).toContain("article 11");
  expect(text).toContain("Sophie Lambert"); // Julie's advisor, her contact person
  await page.context().clearCookies();
  await signIn(page, "spouse@demo.caisse.be");
  await page.waitForURL("**/me");
  expect((await page.request.get(`/api/decisions/${r.id}`)).status()).toBe(404);
  await page.context().clearCookies();
  expect((await page.request.get(`/api/decisions/${r.id}`)).status()).toBe(404);
});

test("the recovery list and a case open with the path and its prescription warning", async ({ page }) => {
  await signInAs(page, "advisor@demo.caisse.be");
  await page.goto("/staff/recovery");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recouvrement");
  await expectAccessible(page);
  const { rows } = await data.client.query(`select id from "RecoveryCase" where "currentStep" = 'FORMAL_NOTICE' and status = 'OPEN' order by id limit 1`);
  test.skip(rows.length === 0, "no case at the formal-notice step in this seed");
  await page.goto(`/staff/recovery/${rows[0].id}`);
  await expect(page.getByTestId("recovery-step")).toHaveText("Mise en demeure");
  // the next step offered is the personal contact; bailiff and lawyer are not reachable yet
  const options = await page.locator("#step-kind option").allInnerTexts();
  expect(options).toContain("Contact personnel");
  expect(options).not.toContain("Remise à l'huissier");
  await expectAccessible(page);
});

test("a public affiliation request is processed by an advisor into a dossier", async ({ page }) => {
  test.setTimeout(120_000);
  const niss = makeNiss("1994-06-15", 200 + (Date.now() % 300) * 2, "F");
  await page.goto("/affiliation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("S'affilier à la caisse");
  await expectAccessible(page);
  await page.getByLabel("Nom", { exact: true }).fill("Wouters");
  await page.getByLabel("Prénom").fill("Elise");
  await page.getByLabel("Numéro de registre national").fill("94.06.15-000.00");
  await page.getByLabel("Adresse e-mail").fill("elise.wouters@example.test");
  await page.getByLabel("Rue et numéro").fill("Rue Haute 5");
  await page.getByLabel("Code postal").fill("1000");
  await page.getByLabel("Commune").fill("Bruxelles");
  await page.getByLabel("Date de début de l'activité").fill("2026-12-01");
  await page.getByRole("button", { name: "Envoyer ma demande d'affiliation" }).click();
  // bad input: the summary links to the fields; what was typed is kept
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: /numéro national n'est pas valide/ })).toHaveAttribute("href", "#aff-niss");
  await expect(summary.getByRole("link", { name: /Cochez la case/ })).toHaveAttribute("href", "#aff-consent");
  await expect(page.locator("#aff-niss")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Prénom")).toHaveValue("Elise");
  await expectAccessible(page);
  await page.getByLabel("Numéro de registre national").fill(niss);
  await page.getByLabel("Je certifie que ces informations sont exactes.").check();
  await page.getByRole("button", { name: "Envoyer ma demande d'affiliation" }).click();
  const reference = await page.getByTestId("affiliation-reference").innerText();
  expect(reference).toMatch(/^A-2026-[0-9A-F]{8}$/);
  await expectAccessible(page);

  const { rows } = await data.client.query(`select id from "Request" where reference = $1`, [reference]);
  await signInAs(page, "advisor@demo.caisse.be");
  await page.goto(`/staff/requests/${rows[0].id}`);
  await expect(page.getByRole("region", { name: "Résumé" })).toContainText("Wouters, Elise");
  await page.getByLabel("Décision", { exact: true }).selectOption("start-review");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("En examen");
  await page.getByLabel("Décision", { exact: true }).selectOption("accept");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Acceptée");
  await expect(page.getByText("Délai demande → affiliation")).toBeVisible();
  await expectAccessible(page);
  const dossier = await data.client.query(
    `select a."memberNumber", f.status from "Request" r join "Affiliate" a on a.id = r."affiliateId" join "Affiliation" f on f."requestId" = r.id where r.id = $1`,
    [rows[0].id],
  );
  expect(dossier.rows).toMatchObject([{ status: "ACTIVE" }]);
});
