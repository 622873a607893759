// Conversations (issue #13 part 1), in French: an affiliate asks a question, the advisor reads it on the request page
// and answers with an attachment, the affiliate reads the answer (and its e-mail arrives, without the answer's
// text); an advisor asks for information on a reduction, the affiliate answers with an upload and the request is
// back in review. Each affiliate journey runs on a login of its own. axe on every page visited.
import { type Page } from "@playwright/test";
import { caughtMail, connect, createRequest, dossierWithLogin, disconnect, type BackOfficeData } from "./back-office-data";
import { expectAccessible, signIn, signInFr, signOut, expect, test } from "./support";

let data: BackOfficeData;
test.beforeAll(async () => {
  data = await connect();
});
test.afterAll(async () => {
  await disconnect(data);
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A seeded person dossier of its own (no login yet) with a login, French, e-mails wanted at a known address. */
const ownDossier = () => dossierWithLogin(data.client, "conversations");

async function signInStaff(page: Page) {
  await signIn(page, "advisor@demo.caisse.be");
  await page.waitForURL("**/staff");
}

test("the advisor answers a question; the affiliate reads the answer and gets an e-mail", async ({ page }) => {
  test.setTimeout(120_000);
  const me = await ownDossier();
  // the affiliate asks
  await signInFr(page, me.login);
  await page.goto("/me/requests/question");
  await expectAccessible(page);
  await page.getByLabel("Type de demande").selectOption("QUESTION");
  await page.getByLabel("Objet").fill("Hausse de ma cotisation");
  await page.getByLabel("Votre message").fill("Pourquoi ma cotisation du 4e trimestre a-t-elle augmenté ?");
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByTestId("request-reference")).toBeVisible();
  const reference = (await page.getByTestId("request-reference").textContent())!.trim();
  await expect(page.getByTestId("next-step")).toContainText("vous répondra au plus tard le");
  await expectAccessible(page);
  await signOut(page);

  // the advisor reads the message on the request page and answers with an attachment
  const { rows } = await data.client.query(`select id from "Request" where reference = $1`, [reference]);
  const requestId: string = rows[0].id;
  await signInStaff(page);
  await page.goto(`/staff/requests/${requestId}`);
  const thread = page.getByTestId("thread");
  await expect(thread).toContainText("Pourquoi ma cotisation du 4e trimestre a-t-elle augmenté ?");
  await expect(thread).toContainText("E2E conversations (affilié)");
  await expectAccessible(page);
  await page.getByLabel("Réponse", { exact: true }).fill("Votre revenu de référence 2023 a augmenté : voyez le calcul joint.");
  await page.getByLabel("Pièces jointes (facultatif)").setInputFiles({ name: "calcul.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(page.getByRole("status").filter({ hasText: "La réponse a été envoyée." })).toBeVisible();
  await expect(page.getByTestId("request-status")).toHaveText(/Clôturée/);
  await expect(page.getByTestId("thread-answer")).toContainText("Votre revenu de référence 2023 a augmenté");
  await expect(page.getByTestId("thread-answer").getByRole("link", { name: "calcul.pdf" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // the e-mail: a link to the request, never the answer's text
  const mail = await caughtMail(me.mailTo);
  expect(mail.subject).toContain(reference);
  expect(mail.text).toContain(`/me/requests/${reference}`);
  expect(mail.text).not.toContain("revenu de référence");

  // the affiliate reads the answer and its attachment
  await signInFr(page, me.login);
  await page.goto(`/me/requests/${reference}`);
  await expect(page.getByTestId("next-step")).toContainText("Votre interlocuteur vous a répondu");
  const answer = page.getByTestId("thread-answer");
  await expect(answer).toContainText("Votre interlocuteur");
  await expect(answer).toContainText("Votre revenu de référence 2023 a augmenté");
  const download = page.waitForEvent("download");
  await answer.getByRole("link", { name: "calcul.pdf" }).click();
  expect((await download).suggestedFilename()).toBe("calcul.pdf");
  await expectAccessible(page);
});

test("an information request answered with an upload puts the request back in review", async ({ page }) => {
  test.setTimeout(120_000);
  const me = await ownDossier();
  const r = await createRequest(data.client, { email: me.login, type: "REDUCTION", payload: { estimatedIncomeCents: 2_000_000, year: 2026 } });

  await signInStaff(page);
  await page.goto(`/staff/requests/${r.id}`);
  await expectAccessible(page);
  await page.getByLabel("Décision", { exact: true }).selectOption("ask-information");
  await page.getByLabel("Motif", { exact: true }).selectOption("informationMissing");
  await page.getByLabel("Motivation (reprise dans le courrier)").fill("Joignez votre bilan 2025 signé par votre comptable.");
  await page.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Informations demandées");
  await expect(page.getByTestId("thread-information-request")).toContainText("Joignez votre bilan 2025");
  await expectAccessible(page);
  await signOut(page);

  const mail = await caughtMail(me.mailTo);
  expect(mail.text).toContain(`/me/requests/${r.reference}`);

  await signInFr(page, me.login);
  await page.goto(`/me/requests/${r.reference}`);
  await expect(page.getByTestId("request-status")).toHaveText("Informations demandées");
  await expect(page.getByTestId("next-step")).toContainText("Votre interlocuteur vous demande : « Joignez votre bilan 2025 signé par votre comptable. »");
  await expectAccessible(page);
  await page.getByLabel("Votre message").fill("Voici mon bilan 2025.");
  await page.getByLabel("Pièces justificatives (facultatif)").setInputFiles({ name: "bilan-2025.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(page.getByText("Votre message a bien été envoyé.")).toBeVisible();
  await expect(page.getByTestId("request-status")).toHaveText("En cours d'examen");
  await expect(page.getByTestId("thread-message").last()).toContainText("bilan-2025.pdf");
  await expectAccessible(page);

  const { rows } = await data.client.query(`select status from "Request" where id = $1`, [r.id]);
  expect(rows[0].status).toBe("IN_REVIEW");
  const events = await data.client.query(`select "fromStatus"::text as "from", "toStatus"::text as "to" from "RequestEvent" where "requestId" = $1 order by id`, [r.id]);
  expect(events.rows.slice(-2)).toEqual([{ from: "IN_REVIEW", to: "INFORMATION_REQUESTED" }, { from: "INFORMATION_REQUESTED", to: "IN_REVIEW" }]);
});
