// Requests: a payment plan inside the fund's policy is accepted at once and its schedule shown; a question
// reaches the named advisor's queue (checked in the database) — in French and in Dutch, axe on every page.

import pg from "pg";
import { connect, disconnect, type BackOfficeData } from "./back-office-data";
import { expectAccessible, signInFr, expect, test } from "./support";
import { quarterlyContribution } from "../lib/domain";

let data: BackOfficeData | undefined;
let client: pg.Client;
test.beforeAll(async () => {
  data = await connect();
  client = data.client;
});
test.afterAll(() => disconnect(data));

test("a payment plan inside the policy is accepted at once with its schedule", async ({ page }) => {
  test.setTimeout(150_000);
  await signInFr(page, "affiliate@demo.caisse.be");
  await page.getByRole("main").getByRole("link", { name: "Mes demandes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes demandes");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Demander un plan d'apurement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander un plan d'apurement");
  await expect(page.getByText("Plan conforme : accepté dès l'envoi")).toBeVisible();
  await expect(page.getByRole("table", { name: "Échéancier en 6 mensualités" }).locator("tbody tr")).toHaveCount(6);
  await expectAccessible(page);
  // bad input: error summary linked to the field, nothing filed
  const months = page.locator("#plan-months");
  await months.fill("0");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /entre 1 et 36/ })).toHaveAttribute("href", "#plan-months");
  await expect(months).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  // the draft survives a reload
  await months.fill("6");
  await page.reload();
  await expect(page.locator("#plan-months")).toHaveValue("6");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez vos réponses" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await page.waitForURL(/\/me\/requests\/D-2026-\d{6}\?filed=1/);
  const reference = await page.getByTestId("request-reference").innerText();
  expect(reference).toMatch(/^D-2026-\d{6}$/);
  await expect(page.getByTestId("request-status")).toHaveText("Acceptée");
  const schedule = page.getByRole("table", { name: "Échéancier du plan" });
  await expect(schedule.locator("tbody tr")).toHaveCount(7); // the advance and 6 instalments
  await expect(schedule.locator("tbody tr").first()).toContainText("Acompte");
  await expect(page.getByText("Plan conforme à la politique de la caisse : accepté automatiquement.")).toBeVisible();
  await expectAccessible(page);
  const { rows } = await client.query(
    `select p.status, p."debtCents", count(i.*)::int as n, sum(i."amountCents")::int as total
     from "Request" r join "PaymentPlan" p on p."requestId" = r.id join "Instalment" i on i."planId" = p.id
     where r.reference = $1 group by p.id`,
    [reference],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: "ACTIVE", n: 7 });
  expect(rows[0].total).toBe(rows[0].debtCents);
  // the plan is what /me/pay shows: the advance first, with its own communication and QR code, the calls it covers
  // listed apart (not to be paid twice); /me says when the next instalment is due
  const { rows: first } = await client.query(
    `select i."structuredCommunication" as c, i."amountCents" as amount, to_char(i."dueOn", 'DD/MM/YYYY') as due
       from "Request" r join "PaymentPlan" p on p."requestId" = r.id join "Instalment" i on i."planId" = p.id where r.reference = $1 and i.seq = 0`,
    [reference],
  );
  await page.goto("/me/pay");
  await expect(page.getByRole("heading", { name: `Votre plan d'apurement (demande ${reference})` })).toBeVisible();
  const qr = page.getByTestId("qr-instalment-0");
  await expect(qr).toHaveAttribute("data-epc-payload", new RegExp(`EUR${(first[0].amount / 100).toFixed(2)}[\\s\\S]*${first[0].c}`));
  await expect(page.getByTestId("transfer-instalment-0").locator('[data-field="communication"]')).toHaveText(
    `+++${first[0].c.slice(0, 3)}/${first[0].c.slice(3, 7)}/${first[0].c.slice(7)}+++`,
  );
  await expect(page.getByRole("table", { name: "Calendrier des versements" }).locator("tbody tr")).toHaveCount(7);
  await expectAccessible(page);
  await page.goto("/me");
  await expect(page.getByTestId("plan-next")).toContainText(`au plus tard le ${first[0].due}`);
  await expectAccessible(page);
  await page.goto(`/me/requests/${reference}`);
  // in Dutch too
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Aanvaard");
  await expect(page.getByRole("table", { name: "Aflossingsschema van het plan" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/me/requests/payment-plan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Een afbetalingsplan aanvragen");
  await expect(page.getByText("U hebt al een lopend afbetalingsplan.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander un plan d'apurement");
});

test("a question in Dutch reaches the advisor's queue with its 45-day deadline", async ({ page }) => {
  test.setTimeout(150_000);
  await signInFr(page, "spouse@demo.caisse.be");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await page.getByRole("link", { name: "Een vraag stellen aan mijn contactpersoon" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Een vraag stellen aan mijn contactpersoon");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Doorgaan" }).click();
  await expect(page.getByRole("alert").getByRole("link")).toHaveCount(2); // subject and body
  await expectAccessible(page);
  const subject = `Vraag e2e ${Date.now()}`;
  await page.getByLabel("Onderwerp").fill(subject);
  await page.getByLabel("Uw bericht").fill("Waarom is mijn bijdrage gestegen?");
  await page.getByRole("button", { name: "Doorgaan" }).click();
  await expect(page.getByRole("heading", { name: "Controleer uw antwoorden" })).toBeVisible();
  await expect(page.getByText(subject)).toBeVisible();
  await page.getByRole("button", { name: "Verzenden" }).click();
  await page.waitForURL(/\/me\/requests\/D-2026-\d{6}\?filed=1/);
  const reference = await page.getByTestId("request-reference").innerText();
  await expect(page.getByText("Uw contactpersoon antwoordt uiterlijk op 12/01/2027.", { exact: false })).toBeVisible();
  await expect(page.getByText("Waarom is mijn bijdrage gestegen?")).toBeVisible();
  await expectAccessible(page);
  // in the advisor's queue: assigned to the dossier's advisor, thread open, e-mail written to the advisor
  const { rows } = await client.query(
    `select r.type, r.status, u.email as advisor, t.status as thread, t."answerDueOn"::text as due,
            (select count(*)::int from "OutboundEmail" e where e.template = 'message.toAdvisor' and e."to" = u.email and e.subject like '%' || r.reference || '%') as mails
     from "Request" r join "Affiliate" a on a.id = r."affiliateId" join "User" u on u.id = r."assigneeId" and u.id = a."advisorId"
     join "MessageThread" t on t."requestId" = r.id where r.reference = $1`,
    [reference],
  );
  expect(rows).toEqual([{ type: "QUESTION", status: "SUBMITTED", advisor: expect.stringMatching(/@demo\.caisse\.be$/), thread: "OPEN", due: "2027-01-12", mails: 1 }]);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Introduite");
  await expectAccessible(page);
});

test("a reduction shows the new quarterly amount and the sanction risked, then goes to the advisor (FR and NL)", async ({ page }) => {
  test.setTimeout(150_000);
  const cents = (text: string) => Math.round(Number(text.replace(/[^\d,]/g, "").replace(",", ".")) * 100);
  const expected = quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: 2_000_000, managementFeeBp: 305 });
  await signInFr(page, "affiliate@demo.caisse.be");
  await page.goto("/me/requests");
  await page.getByRole("link", { name: "Réduire ou augmenter mes cotisations provisoires" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Adapter mes cotisations provisoires");
  await page.locator("#sim-income").fill("20000");
  await page.getByRole("button", { name: "Calculer" }).click();
  await expect(page.getByTestId("new-quarterly")).toBeVisible();
  expect(cents(await page.getByTestId("new-quarterly").innerText())).toBe(expected.totalCents);
  await expect(page.getByText(/C'est une réduction/)).toBeVisible();
  await expect(page.getByText(/une sanction de 3 % puis 7 %/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn voorlopige bijdragen aanpassen");
  expect(cents(await page.getByTestId("new-quarterly").innerText())).toBe(expected.totalCents);
  await expect(page.getByText(/Dit is een vermindering/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Adapter mes cotisations provisoires");
  await page.locator("#change-estimatedIncome").fill("20000");
  await page.locator("#change-justification").fill("Perte de mon principal client en 2026.");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez vos réponses" })).toBeVisible();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await page.waitForURL(/\/me\/requests\/D-2026-\d{6}\?filed=1/);
  await expect(page.getByTestId("request-status")).toHaveText("Introduite");
  await expect(page.getByTestId("change-summary")).toContainText(/20\s?000,00\s?€/);
  await expectAccessible(page);
});

test("another affiliate's request is a 404", async ({ page }) => {
  const { rows } = await client.query(`select reference from "Request" r join "Affiliate" a on a.id = r."affiliateId" where a."memberNumber" = '100004' limit 1`);
  test.skip(rows.length === 0, "the seed gave affiliate 100004 no request");
  await signInFr(page, "affiliate@demo.caisse.be");
  const response = await page.goto(`/me/requests/${rows[0].reference}`);
  expect(response?.status()).toBe(404);
});
