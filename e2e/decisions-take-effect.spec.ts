// Decisions take effect (issue #13 parts 2 and 7), in French: an advisor accepts a reduction and the affiliate's next
// call shows the new amount on /me at once, the decision is in the inbox and its e-mail arrives, the acceptance
// letter says what changes. On a dossier of its own (the demo logins' accounts stay as seeded). axe on every page.
import { caughtMail, connect, createRequest, disconnect, dossierWithLogin, pdfText, type BackOfficeData } from "./back-office-data";
import { expectAccessible, signIn, signInFr, signOut, expect, test } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

/** The first amount in euros of a text ("2 129,97 € le 31/12/2026" → 212997). */
const cents = (text: string) => {
  const m = /(\d[\d\s\u202f\u00a0.]*,\d\d)\s?€/.exec(text);
  return m ? Math.round(Number(m[1].replace(/[^\d,]/g, "").replace(",", ".")) * 100) : NaN;
};

test("an accepted reduction changes the next call's amount on /me, with its letter, inbox notice and e-mail", async ({ page }) => {
  test.setTimeout(180_000);
  // a main-activity dossier with a call of the last quarter of 2026 still to pay
  const me = await dossierWithLogin(
    data.client,
    "reduction",
    `exists (select 1 from "ContributionCall" c where c."affiliateId" = a.id and c.year = 2026 and c.quarter = 4 and c.kind = 'PROVISIONAL' and c.category = 'MAIN'
       and c."totalCents" > 100000 and c."dueOn" >= current_date
       and (select coalesce(sum(o."owedCents"), 0) from "LedgerOwed" o where o."callId" = c.id) = c."totalCents")`,
  );
  const { rows: calls } = await data.client.query(`select id, "totalCents" from "ContributionCall" where "affiliateId" = $1 and year = 2026 and quarter = 4 and kind = 'PROVISIONAL'`, [me.affiliateId]);
  const before = calls[0].totalCents as number;
  const r = await createRequest(data.client, { email: me.login, type: "REDUCTION", payload: { year: 2026, estimatedIncomeCents: 1_500_000, justification: "Perte d'un client" } });

  await signInFr(page, me.login);
  const nextDue = page.getByRole("main").locator("dl > div").filter({ has: page.locator("dt", { hasText: "Prochaine échéance" }) }).locator("dd");
  await expect(nextDue).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  expect(cents(await nextDue.innerText())).toBe(before);
  await signOut(page);

  await signIn(page, "advisor3@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto(`/staff/requests/${r.id}`);
  // the request in words: what the affiliate asked, in euros and in their own words, never the stored codes (#14)
  const asked = page.getByTestId("request-payload");
  await expect(asked).toContainText("Revenu annuel estimé");
  await expect(asked).toContainText(/15\s000,00\s€/);
  await expect(asked).toContainText("Perte d'un client");
  await expect(page.getByText("estimatedIncomeCents")).toHaveCount(0);
  // the reasons offered are a reduction's, not a payment plan's
  await expect(page.getByLabel("Motif", { exact: true }).locator("option", { hasText: "Le plan respecte la politique du fonds." })).toHaveCount(0);
  await page.getByLabel("Décision", { exact: true }).selectOption("accept");
  await page.getByLabel("Motivation (reprise dans le courrier)").fill("Perte du principal client, attestée par la résiliation du contrat.");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Demande acceptée : la lettre de décision est dans le dossier" })).toBeVisible();
  await expect(page.getByTestId("request-status")).toHaveText("Acceptée");
  await expectAccessible(page);
  await signOut(page);

  const { rows: after } = await data.client.query(`select "totalCents" from "ContributionCall" where id = $1`, [calls[0].id]);
  expect(after[0].totalCents).toBeLessThan(before);

  // the affiliate: the next call's new amount at once, the notice in the inbox
  await signInFr(page, me.login);
  await expect(nextDue).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  expect(cents(await nextDue.innerText())).toBe(after[0].totalCents);
  const inbox = page.getByTestId("inbox");
  await expect(inbox).toContainText(`Votre demande ${r.reference} est acceptée`);
  await expectAccessible(page);
  // the call explains the change line by line
  await page.goto(`/me/calls/${calls[0].id}`);
  await expect(page.getByRole("cell", { name: `Correction — cotisation revue suite à votre demande ${r.reference} (revenu choisi)` })).toBeVisible();
  await expectAccessible(page);
  // the acceptance letter says what changes, in euros
  const pdf = await page.request.get(`/api/decisions/${r.id}`);
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body());
  expect(text).toContain("votre demande est acceptée");
  expect(text).toMatch(/revenu annuel de 15\s?000,00/);
  await page.goto("/me/inbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes messages de la caisse");
  await expectAccessible(page);
  await page.getByRole("button", { name: /Tout marquer comme lu/ }).click();
  await expect(page.getByRole("button", { name: /Tout marquer comme lu/ })).toHaveCount(0);

  const mail = await caughtMail(me.mailTo);
  expect(mail.subject).toBe(`Votre demande ${r.reference} est acceptée`);
  expect(mail.text).toContain(`/me/requests/${r.reference}`);
});
