// End of activity (issue #18 part 2), in French: an affiliate types the last day of activity and sees, before
// sending, which quarters stay due (the quarter of the end included) and from which quarter no call is issued; the
// report is filed for the advisor, who accepts it — the affiliation ends, the letter is in the dossier. On a dossier
// of its own (the demo logins' accounts stay as seeded); axe on every page. The portal's "today" is 2026-11-28.
import { connect, disconnect, dossierWithLogin, pdfText, type BackOfficeData } from "./back-office-data";
import { expectAccessible, signIn, signInFr, signOut, expect, test } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

test("an affiliate reports the end of activity, sees the effect on the next calls before sending, and the advisor accepts it", async ({ page }) => {
  test.setTimeout(180_000);
  // an affiliation in force with the call of the last quarter of 2026 already issued
  const me = await dossierWithLogin(
    data.client,
    "end-activity",
    `exists (select 1 from "Affiliation" af where af."affiliateId" = a.id and af.status = 'ACTIVE' and af."endOn" is null and af."startOn" <= '2026-01-01')
     and not exists (select 1 from "Affiliation" af where af."affiliateId" = a.id and af."startOn" > '2026-01-01')
     and exists (select 1 from "ContributionCall" c where c."affiliateId" = a.id and c.year = 2026 and c.quarter = 4 and c.kind = 'PROVISIONAL')
     and not exists (select 1 from "Request" r where r."affiliateId" = a.id and r.type = 'END_OF_ACTIVITY')`,
  );

  await signInFr(page, me.login);
  await page.goto("/me/requests");
  await page.getByRole("link", { name: "Déclarer la fin de mon activité d'indépendant" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Déclarer la fin de mon activité");
  const effect = page.getByTestId("end-effect");
  await expect(effect).toContainText("Indiquez votre dernier jour d'activité pour voir l'effet sur vos cotisations.");
  await expectAccessible(page);

  // too far ahead: said at once, in words
  await page.locator("#end-activity-lastDayOn").fill("2027-06-30");
  await expect(effect).toContainText("ne peut pas dépasser 3 mois à partir d'aujourd'hui");
  // mid-January 2027: the last quarter of 2026 and the first of 2027 stay due, nothing from the second
  await page.locator("#end-activity-lastDayOn").fill("2027-01-15");
  await expect(effect).toContainText("Dernier jour d'activité : 15/01/2027. Le T1 2027, trimestre de la cessation, reste dû en entier.");
  await expect(page.getByTestId("end-still-due")).toContainText("T4 2026 : avis déjà émis, reste dû.");
  await expect(page.getByTestId("end-still-due")).toContainText(/T1 2027 : avis (déjà émis, reste dû|encore à émettre, il sera dû)\./);
  await expect(page.getByTestId("end-no-calls")).toHaveText("À partir du T2 2027, plus aucun avis de cotisation ne sera émis.");
  await expectAccessible(page);
  await page.locator("#end-activity-motivation").fill("Je reprends un emploi salarié à temps plein.");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez vos réponses" })).toBeVisible();
  await expect(page.locator("dd", { hasText: /^15\/01\/2027$/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Envoyer ma déclaration" }).click();
  await page.waitForURL(/\/me\/requests\/D-2026-\d{6}\?filed=1/);
  const reference = await page.getByTestId("request-reference").innerText();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Fin d'activité — ${reference}`);
  await expectAccessible(page);
  const { rows } = await data.client.query(`select id, status, payload from "Request" where reference = $1`, [reference]);
  expect(rows[0]).toMatchObject({ status: "SUBMITTED", payload: { lastDayOn: "2027-01-15", noCallsFrom: { year: 2027, quarter: 2 } } });
  // a second report while this one is pending is not offered
  await page.goto("/me/requests/end-of-activity");
  await expect(page.getByText("Vous avez déjà déclaré la fin de votre activité")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // the advisor: the request in words, then the review and the acceptance
  await signIn(page, "advisor3@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto(`/staff/requests/${rows[0].id}`);
  await expect(page.getByTestId("request-payload")).toContainText("Dernier jour d'activité");
  await expect(page.getByTestId("request-payload")).toContainText("15/01/2027");
  await expectAccessible(page);
  await page.getByLabel("Décision", { exact: true }).selectOption("start-review");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("En examen");
  await page.getByLabel("Décision", { exact: true }).selectOption("accept");
  await page.getByLabel("Motivation (reprise dans le courrier)").fill("Fin d'activité confirmée par la radiation à la BCE.");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Acceptée");
  await expectAccessible(page);
  const { rows: aff } = await data.client.query(`select status, "endOn"::text as "endOn" from "Affiliation" where "affiliateId" = $1 order by "startOn" desc limit 1`, [me.affiliateId]);
  expect(aff[0]).toEqual({ status: "ENDED", endOn: "2027-01-15" });
  await signOut(page);

  // the affiliate reads the letter: the end date and the quarter of cessation
  await signInFr(page, me.login);
  const pdf = await page.request.get(`/api/decisions/${rows[0].id}`);
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body());
  expect(text).toContain("votre demande est acceptée");
  expect(text).toContain("1er trimestre 2027");
});
