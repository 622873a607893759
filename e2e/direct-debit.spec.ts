// Issue #13 part 6, from mandate to collection in the browser: an affiliate asks for a direct debit on /me/pay; an
// advisor finds it among the mandates to confirm, opens the dossier and confirms it (a refusal without a reason is
// refused first, keeping what was typed); the advisor dry-runs then runs the direct-debit job (not an import: its
// real run is the dry-runner's own — README "Four eyes"); downloads the pain.008 from the staff page and the test
// validates it against the ISO XSD; the affiliate sees the mandate active and got the e-mail; the bank pays a
// collection then returns it in a CODA statement (imported with four eyes), and the affiliate reads the return on
// the pay page and on the call's account. axe on every page visited.
import { readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { buildCoda } from "../tests/fixtures/coda/builder";
import { makeIban } from "../prisma/factories";
import { caughtMail, connect, disconnect, dossierWithLogin, type BackOfficeData } from "./back-office-data";
import { expectAccessible, expect, signIn, signInFr, signOut, test } from "./support";

const XSD = readFileSync(path.join(import.meta.dirname, "../tests/fixtures/sepa/pain.008.001.02.xsd"), "utf8");
// the demo fund's today is 2026-11-28 (playwright.config.ts): the first TARGET day a week later
const COLLECT_ON = "2026-12-07";
const IBAN = "BE71 0961 2345 6769";

let data: BackOfficeData | undefined;
let login = "";
let affiliateId = "";
let member = "";
let mailTo = "";

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  data = await connect();
  // a seed dossier of its own (other specs' demo logins and dossiers stay as they expect them) with a call open and due
  // by the collection date, no plan, no mandate — not those money-operations.spec.ts matches payments to
  const me = await dossierWithLogin(
    data.client,
    "dd",
    `a."memberNumber" not between '100250' and '100255'
     and not exists (select 1 from "DirectDebitMandate" m where m."affiliateId" = a.id)
     and not exists (select 1 from "PaymentPlan" pp where pp."affiliateId" = a.id and pp.status = 'ACTIVE')
     and exists (select 1 from "ContributionCall" c join "LedgerOwed" o on o."callId" = c.id
                  where c."affiliateId" = a.id and c."dueOn" <= '${COLLECT_ON}' group by c.id having sum(o."owedCents") > 0)`,
  );
  [affiliateId, login, mailTo] = [me.affiliateId, me.login, me.mailTo];
  const { rows } = await data.client.query<{ memberNumber: string }>(`select "memberNumber" from "Affiliate" where id = $1`, [affiliateId]);
  member = rows[0].memberNumber;
});

test.afterAll(async () => {
  await disconnect(data);
});

test("a mandate is requested, confirmed, collected, and its pain.008 downloaded and valid against the XSD", async ({ page }) => {
  // the affiliate asks for the direct debit
  await signInFr(page, login);
  await page.goto("/me/pay");
  await page.getByLabel("IBAN du compte à débiter").fill(IBAN);
  await page.getByLabel(/J'autorise la caisse/).check();
  await page.getByRole("button", { name: "Demander la domiciliation" }).click();
  const requested = page.getByText(/Mandat MDT-\d+-\d{3} sur BE71 0961 2345 6769 — en attente de confirmation/);
  await expect(requested).toBeVisible();
  const reference = /MDT-\d+-\d{3}/.exec((await requested.textContent()) ?? "")![0];
  await expect(page.getByText("Votre interlocuteur vérifie la demande")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // an advisor finds it among the mandates to confirm and opens the dossier
  await signIn(page, "advisor3@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.getByRole("link", { name: "Domiciliations", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Domiciliations");
  const pending = page.getByRole("table", { name: /Mandats en attente de confirmation/ }).getByRole("row").filter({ hasText: reference });
  await expect(pending).toContainText(IBAN);
  await expectAccessible(page);
  await pending.getByRole("link", { name: new RegExp(`dossier ${member}`) }).click();
  await page.waitForURL(`**/staff/dossiers/${affiliateId}?reason=mandate`);
  const section = page.getByRole("region", { name: "Domiciliation", exact: true });
  await expect(section).toContainText(`Mandat ${reference} sur ${IBAN} — en attente de confirmation`);
  await expectAccessible(page);

  // a refusal needs a reason: refused, and what was typed stays
  const note = section.getByLabel("Message à l'affilié");
  await note.fill("Compte à vérifier");
  await section.getByRole("button", { name: "Refuser le mandat", exact: true }).click();
  const summary = section.getByRole("alert").filter({ hasText: "Corrigez ce qui suit" });
  await expect(summary.getByRole("link", { name: "Choisissez le motif du refus." })).toHaveAttribute("href", /-reason$/);
  await expect(note).toHaveValue("Compte à vérifier");
  await expect(section.getByLabel("Motif du refus")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // confirmed instead
  await section.getByRole("button", { name: `Confirmer le mandat ${reference}` }).click();
  await expect(section.getByRole("status")).toContainText("Mandat confirmé");
  await expect(section).toContainText(`Mandat ${reference} sur ${IBAN} — actif`);
  await expect(section).toContainText("Confirmé par Nadia Benali le");
  await expect(section.getByRole("button", { name: /Refuser le mandat/ })).toHaveCount(0);
  await expectAccessible(page);

  // the direct-debit run: a dry run, then the same for real (the dry-runner's own: not an import)
  await page.goto("/staff/jobs");
  await page.getByLabel("Traitement", { exact: true }).selectOption("direct-debit");
  await page.getByLabel("Date d'encaissement (AAAA-MM-JJ)").fill(COLLECT_ON);
  await page.getByRole("button", { name: "Simuler" }).click();
  await expect(page.getByRole("heading", { name: /Résultat de la simulation/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Comptes de la simulation" }).getByRole("row", { name: /Appels à encaisser/ })).not.toContainText(/\b0\b/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Exécuter pour de vrai" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le traitement est lancé" })).toBeVisible();
  const history = page.getByRole("table", { name: /derniers traitements/ });
  await expect(history.getByRole("row").filter({ hasText: "Domiciliations SEPA" }).filter({ hasText: "Réel" }).first()).toContainText("Terminé", { timeout: 60_000 });
  await expectAccessible(page);

  // the pain.008, downloaded from the staff page, is valid against the ISO XSD and debits the mandate
  await page.goto("/staff/direct-debits");
  await expect(page.getByRole("table", { name: /Mandats en attente de confirmation/ }).getByRole("row").filter({ hasText: reference })).toHaveCount(0);
  const files = page.getByRole("table", { name: /derniers fichiers/ });
  await expect(files.getByRole("row").filter({ hasText: "07/12/2026" }).first()).toBeVisible();
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), files.getByRole("link", { name: "Télécharger le fichier du 07/12/2026" }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/^pain008-2026-12-07-.*\.xml$/);
  const xml = readFileSync(await download.path(), "utf8");
  const result = await validateXML({ xml: [{ fileName: "pain008.xml", contents: xml }], schema: [{ fileName: "pain.008.001.02.xsd", contents: XSD }] });
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
  expect(xml).toContain(`<MndtId>${reference}</MndtId>`);
  expect(xml).toContain(`<IBAN>${IBAN.replaceAll(" ", "")}</IBAN>`);
  expect(xml).toContain("<ReqdColltnDt>2026-12-07</ReqdColltnDt>");
  // and the download is in the debtor's access log
  const { rows: reads } = await data!.client.query(`select 1 from "AuditLog" where action = 'direct-debit-file.download' and "affiliateId" = $1`, [affiliateId]);
  expect(reads.length).toBeGreaterThan(0);
  await signOut(page);

  // the affiliate sees it active, and was told by e-mail
  await signInFr(page, login);
  await page.goto("/me/pay");
  await expect(page.getByText(`Mandat ${reference} sur ${IBAN} — actif`)).toBeVisible();
  await expect(page.getByText(/Confirmé le .* : la caisse prélève vos cotisations à leur échéance sur ce compte\./)).toBeVisible();
  await expect(page.getByText("Vous avez déjà un mandat actif ou en attente.")).toBeVisible();
  await expectAccessible(page);
  const mail = await caughtMail(mailTo);
  expect(mail.subject).toBe("Votre domiciliation est confirmée");
  expect(mail.text).toContain(`mandat de domiciliation ${reference} sur le compte se terminant par 6769`);
  await signOut(page);

  // the bank pays one collection of the file, then returns it (insufficient funds): one CODA statement, imported by
  // an advisor and run for real by another (four eyes)
  const line = /<EndToEndId>([^<]+)<\/EndToEndId>\s*<\/PmtId>\s*<InstdAmt Ccy="EUR">(\d+)\.(\d\d)<\/InstdAmt>/.exec(xml)!;
  const [endToEndId, cents] = [line[1], Number(line[2]) * 100 + Number(line[3])];
  const debtor = { counterpartyIban: IBAN.replaceAll(" ", ""), counterpartyName: "E2E DD DEBITEUR" };
  const coda = buildCoda({
    account: makeIban("001", 4_242_424), sequence: 1 + (Date.now() % 99), on: COLLECT_ON, openingCents: 0,
    movements: [
      { amountCents: cents, valueOn: COLLECT_ON, text: "SEPA DD", endToEndId, ...debtor },
      { amountCents: -cents, valueOn: COLLECT_ON, text: "SEPA DD RETURN", endToEndId, returnReason: "AM04", ...debtor },
    ],
  });
  await signIn(page, "advisor3@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto("/staff/jobs");
  await page.getByLabel("Traitement", { exact: true }).selectOption("import-coda");
  await page.getByLabel("Fichier", { exact: true }).setInputFiles({ name: "dd-return.cod", mimeType: "text/plain", buffer: Buffer.from(coda, "latin1") });
  await page.getByRole("button", { name: "Simuler" }).click();
  await expect(page.getByRole("heading", { name: /Résultat de la simulation/ })).toBeVisible();
  await signOut(page);
  await signIn(page, "advisor2@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto("/staff/jobs");
  await page.getByRole("button", { name: /^Echt uitvoeren: Een CODA-uittreksel inlezen/ }).first().click();
  const geschiedenis = page.getByRole("table", { name: /laatste 30 verwerkingen/ });
  await expect(geschiedenis.getByRole("row").filter({ hasText: "Een CODA-uittreksel inlezen" }).filter({ hasText: "Echt" }).first()).toContainText("Voltooid", { timeout: 60_000 });
  await signOut(page);

  // the affiliate reads it on the pay page and on the call's account, and the e-mail waits in the outbox
  const { rows: [returned] } = await data!.client.query<{ callId: string }>(`select "callId" from "DirectDebitCollection" where "endToEndId" = $1 and status = 'REJECTED'`, [endToEndId]);
  expect(returned, "the collection is rejected").toBeDefined();
  await signInFr(page, login);
  await page.goto("/me/pay");
  const returns = page.getByRole("table", { name: "Prélèvements que votre banque n'a pas payés" });
  await expect(returns.getByRole("row").filter({ hasText: "07/12/2026" })).toContainText("prélèvement rejeté par votre banque : provision insuffisante");
  await expectAccessible(page);
  await page.goto(`/me/calls/${returned.callId}`);
  await expect(page.getByText(/prélèvement rejeté par votre banque : provision insuffisante/).first()).toBeVisible();
  await expectAccessible(page);
  const { rows: queued } = await data!.client.query<{ subject: string; to: string }>(`select subject, "to" from "OutboundEmail" where "uniqueKey" like 'dd-return:%' and "affiliateId" = $1`, [affiliateId]);
  expect(queued).toEqual([{ subject: expect.stringMatching(/^Votre prélèvement de .* n'a pas été payé$/), to: mailTo }]);
});

test("the direct-debit page and a pain.008 are not found for an affiliate or a manager", async ({ page }) => {
  for (const who of ["affiliate@demo.caisse.be", "manager@demo.caisse.be"]) {
    await signIn(page, who);
    await page.waitForURL(/\/(me|staff)$/);
    expect((await page.goto("/staff/direct-debits"))?.status(), who).toBe(404);
    // a download answers an empty 404 (no page): asked with the same session
    expect((await page.request.get("/api/staff/direct-debits/anything")).status(), who).toBe(404);
    await page.goto(who.startsWith("affiliate") ? "/me" : "/staff");
    await signOut(page);
  }
});
