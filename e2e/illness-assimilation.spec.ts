// Assimilation for illness (issue #18 part 2), in French: the affiliate types the start of the incapacity and sees,
// before sending, from which quarter no contribution is due and which quarter must be paid; the request is filed with
// the certificate for the advisor. On a dossier of its own; axe on every page. The portal's "today" is 2026-11-28.
import { connect, disconnect, dossierWithLogin, type BackOfficeData } from "./back-office-data";
import { expectAccessible, signInFr, expect, test } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("an affiliate asks for the assimilation for illness and sees the quarters without contributions before sending", async ({ page }) => {
  test.setTimeout(120_000);
  // self-employed for years, the call of the third quarter of 2026 paid in full
  const me = await dossierWithLogin(
    data.client,
    "illness",
    `exists (select 1 from "Affiliation" af where af."affiliateId" = a.id and af.status = 'ACTIVE' and af."endOn" is null and af."startOn" <= '2025-01-01')
     and exists (select 1 from "ContributionCall" c where c."affiliateId" = a.id and c.year = 2026 and c.quarter = 3 and c.kind = 'PROVISIONAL'
       and (select coalesce(sum(o."owedCents"), 0) from "LedgerOwed" o where o."callId" = c.id) = 0)
     and not exists (select 1 from "Request" r where r."affiliateId" = a.id and r.type = 'ILLNESS_ASSIMILATION')`,
  );
  await signInFr(page, me.login);
  await page.goto("/me/requests");
  await page.getByRole("link", { name: "Demander l'assimilation pour cause de maladie" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demander l'assimilation pour cause de maladie");
  await expectAccessible(page);
  const effect = page.getByTestId("illness-effect");
  await page.locator("#illness-incapacityStartOn").fill("2026-12-15");
  await expect(effect).toContainText("Le début de l'incapacité ne peut pas être dans le futur.");
  // an incapacity from the first month of the quarter: that quarter is assimilated already
  await page.locator("#illness-incapacityStartOn").fill("2026-10-05");
  await expect(page.getByTestId("illness-period")).toHaveText("Aucune cotisation n'est due à partir du T4 2026, jusqu'à la reprise du travail.");
  await expect(effect).toContainText("Condition : la cotisation du T3 2026 doit être payée.");
  // with the resumption in the third month of the first quarter of 2027, the second is assimilated too
  await page.locator("#illness-resumptionOn").fill("2027-03-08");
  await expect(page.getByTestId("illness-period")).toHaveText("Aucune cotisation n'est due du T4 2026 au T2 2027 inclus.");
  await expectAccessible(page);
  await page.locator("#illness-evidence").setInputFiles({ name: "certificat.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez vos réponses" })).toBeVisible();
  await expect(page.locator("dd", { hasText: /^05\/10\/2026$/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await page.waitForURL(/\/me\/requests\/D-2026-\d{6}\?filed=1/);
  const reference = await page.getByTestId("request-reference").innerText();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Assimilation pour cause de maladie — ${reference}`);
  await expect(page.getByTestId("evidence-list")).toContainText("certificat.pdf");
  await expectAccessible(page);
  const { rows } = await data.client.query(`select status, payload from "Request" where reference = $1`, [reference]);
  expect(rows[0]).toMatchObject({ status: "SUBMITTED", payload: { incapacityStartOn: "2026-10-05", firstQuarter: { year: 2026, quarter: 4 }, lastQuarter: { year: 2027, quarter: 2 } } });
});
