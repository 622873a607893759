// Back office: find a dossier by a mistyped name; four eyes on a payment plan outside policy (advisor@ proposes,
// advisor2@ approves; the proposer cannot approve their own); a refused reduction gives the affiliate a motivated
// decision letter with the appeal route; another affiliate gets a 404. axe on every page visited.
import { type Page } from "@playwright/test";
import { caughtMail, connect, createRequest, disconnect, linkTo, pdfText, type BackOfficeData } from "./back-office-data";
import { makeNiss } from "../prisma/factories";
import { expectAccessible, signIn, signInFr, signOut, expect, test } from "./support";

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

let logins = 0;
/** A login (demo password) for a dossier that has none, so that what a journey mutates is its own, not a demo
 *  login's (later specs rely on Julie Dubois's account as seeded). */
async function loginFor(affiliateId: string): Promise<string> {
  const email = `e2e-bo-${Date.now()}-${++logins}@test.caisse.be`;
  await data.client.query(
    `insert into "User" (id, email, "passwordHash", role, name, locale, "affiliateId")
     select $1, $2, "passwordHash", 'AFFILIATE', 'E2E back office', 'fr', $3 from "User" where email = 'affiliate@demo.caisse.be'`,
    [`e2e-bo-user-${Date.now()}-${logins}`, email, affiliateId],
  );
  return email;
}

/** A seeded person dossier without a login, without an active plan and not the one given. */
async function freeDossier(extra = "true", params: unknown[] = []): Promise<{ id: string; callId: string | null }> {
  const { rows } = await data.client.query(
    `select a.id, l."callId" from "Affiliate" a left join lateral (select "callId" from "LedgerEntry" where "affiliateId" = a.id and kind = 'SURCHARGE' and "callId" is not null order by id limit 1) l on true
     where a.kind = 'PERSON' and not exists (select 1 from "User" u where u."affiliateId" = a.id)
       and not exists (select 1 from "PaymentPlan" p where p."affiliateId" = a.id and p.status = 'ACTIVE') and ${extra}
     order by a."memberNumber" desc limit 1`,
    params,
  );
  return rows[0];
}

test("an advisor finds a dossier by a mistyped name and opens it with a reason; the affiliate sees both reads", async ({ page }) => {
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
  const log = page.getByRole("table", { name: "Qui a consulté ce dossier, quand et pourquoi" });
  await expect(log).toContainText("Appel téléphonique");
  await expect(log).toContainText("Le nom dans une liste de résultats de recherche");
  await expectAccessible(page);
  // Julie sees both reads on "who consulted my file", with who, what and why
  await signOut(page);
  await signInFr(page, "affiliate@demo.caisse.be");
  await page.goto("/me/profile");
  const mine = page.getByRole("table", { name: "Consultations de votre dossier" });
  await expect(mine.getByRole("row").filter({ hasText: "Le dossier" }).filter({ hasText: "Appel téléphonique" }).first()).toBeVisible();
  await expect(mine.getByRole("row").filter({ hasText: "Le nom dans une liste de résultats de recherche" }).filter({ hasText: "Recherche d'un dossier" }).first()).toBeVisible();
  await expectAccessible(page);
});

test("a payment plan outside policy needs a second advisor; the proposer cannot approve it", async ({ page }) => {
  test.setTimeout(180_000); // two advisors sign in one after the other
  // a dossier of its own: the approved plan is put in force (Julie's account must stay free of a plan for later specs)
  const dossier = await freeDossier();
  const r = await createRequest(data.client, { email: await loginFor(dossier.id), type: "PAYMENT_PLAN", payload: { debtCents: 300_000, advanceCents: 30_000, months: 24 } });
  await signInAs(page, "advisor@demo.caisse.be");
  await page.goto("/staff/queues?type=PAYMENT_PLAN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Files de travail");
  await expectAccessible(page);
  // the queue is paged (25 lines): the new request is on a later page when many are due sooner
  while ((await page.getByRole("link", { name: `Ouvrir ${r.reference}` }).count()) === 0) await page.getByRole("link", { name: "Page suivante" }).click();
  await page.getByRole("link", { name: `Ouvrir ${r.reference}` }).click();
  await expect(page.getByText("Hors politique du fonds")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Décision", { exact: true }).selectOption("accept");
  await page.getByLabel("Motif", { exact: true }).selectOption("planOutsidePolicy");
  await page.getByLabel("Motivation (reprise dans le courrier)").fill("Situation médicale attestée.");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("En attente d'une seconde validation");
  await expect(page.getByText("Vous avez fait cette proposition")).toBeVisible();
  // the proposer is offered no approval at all (#14); the server refuses it anyway (tests/integration/security/four-eyes.test.ts)
  await expect(page.getByRole("button", { name: "Valider la décision" })).toHaveCount(0);
  await expect(page.getByTestId("decision-done")).toHaveText("Décision proposée : elle attend la validation d'un second membre du personnel.");
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
  // the plan is in force: advance + 24 instalments covering the debt, each with its structured communication
  const plan = await data.client.query(
    `select p.status, count(i.*)::int as n, sum(i."amountCents")::int as total, count(distinct i."structuredCommunication")::int as communications
     from "PaymentPlan" p join "Instalment" i on i."planId" = p.id where p."requestId" = $1 group by p.status`,
    [r.id],
  );
  expect(plan.rows).toEqual([{ status: "ACTIVE", n: 25, total: 300_000, communications: 25 }]);
  const recovery = await data.client.query(`select status from "RecoveryCase" where "affiliateId" = $1 and status in ('OPEN', 'JUDICIAL')`, [dossier.id]);
  expect(recovery.rows).toEqual([]); // any open recovery is suspended by the plan
});

test("a refused reduction gives the affiliate a motivated decision with the appeal route", async ({ page }) => {
  test.setTimeout(180_000); // two advisors and two affiliates sign in one after the other
  const r = await createRequest(data.client, { email: "affiliate@demo.caisse.be", type: "REDUCTION", payload: { estimatedIncomeCents: 1_000_000, year: 2026 } });
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
  // the request page tells the truth: refused, when, why, how to contest — no "your advisor is examining", no deadline
  await page.goto(`/me/requests/${r.reference}`);
  await expect(page.getByTestId("decision-outcome")).toContainText(/Votre demande a été refusée le \d{2}\/\d{2}\/\d{4}/);
  await expect(page.getByTestId("decision-reason")).toContainText("La demande n'est pas appuyée par des éléments objectifs.");
  await expect(page.getByText("Aucun élément comptable ne justifie un revenu de 10.000 euros.")).toBeVisible();
  await expect(page.getByTestId("next-step")).toContainText("Votre demande est refusée");
  await expect(page.getByText("Décision au plus tard le")).toHaveCount(0);
  await expect(page.getByText(/tribunal du travail/).first()).toBeVisible();
  await expectAccessible(page);
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
  const email = `elise.wouters.${Date.now()}@example.test`; // her own: her login is created from it
  await page.goto("/affiliation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("S'affilier à la caisse");
  await expectAccessible(page);
  await page.getByLabel("Nom", { exact: true }).fill("Wouters");
  await page.getByLabel("Prénom").fill("Elise");
  await page.getByLabel("Numéro de registre national").fill("94.06.15-000.00");
  await page.getByLabel("Adresse e-mail").fill(email);
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
  // the welcome pack and the first call (2026-Q4, the start quarter is today's) were issued with the decision
  await expect(page.getByTestId("welcome-status")).toContainText("Dossier de bienvenue : établi. Appels émis pour 1 trimestre.");
  const affiliate = await data.client.query(
    `select a.id, a."memberNumber", (select count(*)::int from "ContributionCall" c where c."affiliateId" = a.id and c.year = 2026 and c.quarter = 4) as calls,
       (select count(*)::int from "OutboundEmail" m where m."uniqueKey" = 'welcome:' || a.id) as mails
     from "Request" r join "Affiliate" a on a.id = r."affiliateId" where r.id = $1`,
    [rows[0].id],
  );
  expect(affiliate.rows[0]).toMatchObject({ calls: 1, mails: 1 });
  // her portal login was created with the dossier: no "no portal access" notice
  const login = await data.client.query(`select email, role, locale from "User" where "affiliateId" = $1`, [affiliate.rows[0].id]);
  expect(login.rows).toEqual([{ email, role: "AFFILIATE", locale: "fr" }]);
  await expect(page.getByTestId("no-portal-access")).toHaveCount(0);
  await signOut(page);

  // the welcome e-mail carries her activation link: she chooses a password, signs in and lands on /me
  const mail = await caughtMail(email);
  expect(mail.subject).toContain(affiliate.rows[0].memberNumber);
  const activation = linkTo(mail.text, "activate");
  await page.goto(activation);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activer votre compte");
  await expectAccessible(page);
  const password = "Elise choisit une phrase";
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(password);
  await page.getByLabel("Confirmez le nouveau mot de passe").fill("autre chose encore");
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Les deux mots de passe ne sont pas identiques." })).toHaveAttribute("href", "#pw-confirm");
  await expect(page.locator("#pw-confirm")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Confirmez le nouveau mot de passe").fill(password);
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await page.waitForURL(/\/login\?activated=1/);
  await expect(page.getByRole("status").filter({ hasText: "Votre compte est activé" })).toBeVisible();
  await expectAccessible(page);
  await signIn(page, email, password);
  await page.waitForURL("**/me");
  // the new affiliate downloads the pack from their documents
  await page.goto("/me/documents");
  const item = page.getByRole("listitem").filter({ hasText: "Dossier de bienvenue" });
  await expect(item).toHaveCount(1);
  await expectAccessible(page);
  const href = await item.getByRole("link").getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body());
  expect(text).toContain(affiliate.rows[0].memberNumber);
  expect(text).toContain("Indépendant à titre principal");
  expect(text).toContain("Sophie Lambert"); // advisor@ processed it: the dossier's contact person
  expect(text).toContain("/guides/starting");
  // the activation link was for one use
  await page.context().clearCookies();
  await page.goto(activation);
  await expect(page.getByTestId("invalid-link")).toBeVisible();
});

test("an exemption-type request goes to INASTI and its decision cancels the surcharges; the affiliate follows it", async ({ page }) => {
  test.setTimeout(180_000);
  const dossier = await freeDossier(`l."callId" is not null`);
  const email = await loginFor(dossier.id);
  const r = await createRequest(data.client, { email, type: "SURCHARGE_WAIVER", payload: { callIds: [dossier.callId], ground: "illness", motivation: "Hospitalisation." } });
  const before = await data.client.query(`select coalesce(sum("amountCents"), 0)::int as s from "LedgerEntry" where "callId" = $1 and kind = 'SURCHARGE'`, [dossier.callId]);
  expect(before.rows[0].s).toBeGreaterThan(0);
  await signInAs(page, "advisor@demo.caisse.be");
  await page.goto(`/staff/requests/${r.id}`);
  await expect(page.getByRole("heading", { name: "Transmettre à l'INASTI" })).toBeVisible();
  // bad input: a date that does not exist, linked from the summary
  await page.getByLabel("Date d'envoi à l'INASTI").fill("2026-02-30");
  await page.getByRole("button", { name: "Transmettre à l'INASTI" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /date valide/ })).toHaveAttribute("href", "#inasti-forward-sentOn");
  await expectAccessible(page);
  await page.getByLabel("Date d'envoi à l'INASTI").fill("2026-11-20");
  await page.getByRole("button", { name: "Transmettre à l'INASTI" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Transmise à l'INASTI");
  await expect(page.getByTestId("inasti-forwarded")).toHaveText(/Transmise à l'INASTI le 20\/11\/2026/);
  await page.getByLabel("Décision de l'INASTI", { exact: true }).selectOption("accepted");
  await page.getByLabel("Date de la décision de l'INASTI").fill("2026-11-27");
  await page.getByLabel("Référence de la décision de l'INASTI").fill("RSVZ-E2E-1");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Acceptée");
  await expect(page.getByTestId("inasti-decision")).toContainText("RSVZ-E2E-1");
  await expectAccessible(page);
  const credit = await data.client.query(`select "amountCents", kind from "LedgerEntry" where "uniqueKey" = $1`, [`waiver:${r.id}:${dossier.callId}`]);
  expect(credit.rows).toEqual([{ amountCents: -before.rows[0].s, kind: "ADJUSTMENT" }]);
  await signOut(page);

  await signIn(page, email);
  await page.waitForURL("**/me");
  await page.goto(`/me/requests/${r.reference}`);
  await expect(page.getByTestId("request-status")).toHaveText("Acceptée");
  // her request's page says when it was sent to INASTI (the timeline says it too: the tracking line is the one meant)
  await expect(page.getByTestId("inasti-track")).toContainText("Transmise à l'INASTI le 20/11/2026");
  await expectAccessible(page);
});
