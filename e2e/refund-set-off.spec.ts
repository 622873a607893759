import type pg from "pg";
import { expectAccessible, signIn, signInFr, signOut, expect, test } from "./support";
import { connect, disconnect, type BackOfficeData } from "./back-office-data";

// Issue #13. Part 4: a regularisation refund of a dossier with an overdue call is first set off against it — the
// regularisation file dry-run by one advisor and run for real by another, then the affiliate sees on /me and on the
// call's page, in words and euros (French, then Dutch), what the refund settled and what is left to pay out, and the
// e-mail waits in the outbox. Part 5: a bridging-right request whose conditions are not met is accepted only by a
// motivated override (the failing condition in words), approved by a second advisor who is not the proposer.
// Each test creates its own dossier (the demo logins' balances stay as they are). Axe on every page.

let data: BackOfficeData | undefined;
test.afterAll(async () => disconnect(data));
test.setTimeout(300_000);

const stamp = `${Date.now()}`.slice(-8);
const id = (what: string) => `e2e-so-${what}-${stamp}`;

function niss(birth: string, seq: number): string {
  const body = `${birth.slice(2, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${String(seq).padStart(3, "0")}`;
  return `${body}${String(97 - Number(BigInt(body) % 97n)).padStart(2, "0")}`;
}
function communication(base10: string): string {
  return `${base10}${String(Number(BigInt(base10) % 97n) || 97).padStart(2, "0")}`;
}

/** A self-employed person with a login (the demo password), and one provisional call per listed quarter of 300,00 €
 *  + 91,50 € fees, paid unless listed as unpaid. */
async function createDossier(client: pg.Client, who: string, quarters: [number, number][], unpaid: string[], birth = "1979-06-21") {
  const personId = id(`${who}-person`);
  const affiliateId = id(`${who}-aff`);
  const email = `${who}-${stamp}@e2e.caisse.be`;
  const personNiss = niss(birth, 100 + (Number(stamp) % 800) + (who === "ref" ? 0 : 1));
  await client.query(
    `insert into "Person" (id, niss, "firstName", "lastName", "birthDate", sex, street, "postalCode", city, email, "updatedAt")
     values ($1, $2, 'Nora', $3, $4, 'F', 'Rue Haute 5', '1000', 'Bruxelles', $5, now())`,
    [personId, personNiss, `${who === "ref" ? "Compensation" : "Derogation"}${stamp}`, birth, email],
  );
  await client.query(`insert into "Affiliate" (id, "memberNumber", kind, "personId", language) values ($1, $2, 'PERSON', $3, 'fr')`, [affiliateId, `${who.toUpperCase()}${stamp}`, personId]);
  await client.query(`insert into "Affiliation" (id, "affiliateId", "startOn", status) values ($1, $2, '2015-01-01', 'ACTIVE')`, [id(`${who}-afn`), affiliateId]);
  await client.query(`insert into "CategoryPeriod" (id, "affiliationId", category, "fromOn") values ($1, $2, 'MAIN', '2015-01-01')`, [id(`${who}-cat`), id(`${who}-afn`)]);
  await client.query(
    `insert into "User" (id, email, "passwordHash", role, name, "affiliateId") select $1, $2, "passwordHash", 'AFFILIATE', 'Nora', $3 from "User" where email = 'affiliate@demo.caisse.be'`,
    [id(`${who}-user`), email, affiliateId],
  );
  for (const [i, [year, quarter]] of quarters.entries()) {
    const callId = id(`${who}-call${i}`);
    await client.query(
      `insert into "ContributionCall" (id, "affiliateId", kind, year, quarter, category, "incomeBaseCents", "incomeYear", "contributionCents", "managementFeeCents", "totalCents", "structuredCommunication", "issuedOn", "dueOn", breakdown)
       values ($1, $2, 'PROVISIONAL', $3, $4, 'MAIN', 5900000, $3 - 3, 300000, 9150, 309150, $5, make_date($3, $4 * 3 - 2, 1), (make_date($3, $4 * 3 - 2, 1) + interval '3 months' - interval '1 day')::date, '[]')`,
      [callId, affiliateId, year, quarter, communication(`8${stamp.slice(-7)}${who === "ref" ? 1 : 2}${i}`)],
    );
    const debits = await client.query(
      `insert into "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "callId", "reasonCode", "reasonParams")
       values ($1, 'CALL', 300000, make_date($2, $3 * 3 - 2, 1), $4, 'call.provisional', json_build_object('year', $2::int, 'quarter', $3::int)),
              ($1, 'FEE', 9150, make_date($2, $3 * 3 - 2, 1), $4, 'call.managementFee', '{"rateBp": 305}') returning id, "amountCents"`,
      [affiliateId, year, quarter, callId],
    );
    if (unpaid.includes(`${year}-Q${quarter}`)) continue;
    const credit = await client.query(
      `insert into "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "valueOn", "reasonCode", "reasonParams") values ($1, 'PAYMENT', -309150, make_date($2, $3 * 3 - 2, 15), make_date($2, $3 * 3 - 2, 15), 'payment.received', '{}') returning id`,
      [affiliateId, year, quarter],
    );
    for (const d of debits.rows) await client.query(`insert into "PaymentAllocation" ("paymentEntryId", "targetEntryId", "amountCents") values ($1, $2, $3)`, [credit.rows[0].id, d.id, d.amountCents]);
  }
  return { affiliateId, email, niss: personNiss };
}

/** "1 234,56 €" (fr-BE) or "€ 1.234,56" (nl-BE) → cents */
function cents(text: string): number {
  return Math.round(Number(text.replace(/[^\d,]/g, "").replace(",", ".")) * 100);
}

test("a refund with an overdue call is first set off against it: the affiliate sees it in words and euros (FR, NL)", async ({ page }) => {
  data = await connect();
  const { client } = data;
  // 2025 called on a high income, the 4th quarter never paid; the real 2025 income is low: a refund
  const d = await createDossier(client, "ref", [[2025, 1], [2025, 2], [2025, 3], [2025, 4]], ["2025-Q4"]);
  const csv = `niss;year;income_eur\n${d.niss};2025;15000,00\n`;

  await signIn(page, "advisor@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto("/staff/jobs");
  await page.getByLabel("Traitement", { exact: true }).selectOption("regularisation");
  await page.getByLabel("Fichier", { exact: true }).setInputFiles({ name: "revenus-2025.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Simuler" }).click();
  await expect(page.getByRole("heading", { name: /Résultat de la simulation/ })).toBeVisible();
  await signOut(page);
  // four eyes: the real run by a second advisor
  await signIn(page, "advisor3@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto("/staff/jobs");
  await page.getByRole("button", { name: /^Exécuter pour de vrai : Régularisations/ }).first().click();
  const history = page.getByRole("table", { name: /derniers traitements/ });
  const real = history.getByRole("row").filter({ hasText: "Régularisations" }).filter({ hasText: "Réel" }).first();
  await expect(real).toContainText("Terminé", { timeout: 60_000 });
  await expect(real).toContainText("Remboursements imputés d'abord sur des cotisations échues : 1");
  await expect(real).toContainText("Imputé sur des cotisations échues (compensation) : 1 · 3 091,50 €");
  await signOut(page);

  await signInFr(page, d.email);
  const refunds = page.getByRole("region", { name: "Mes remboursements" });
  const story = refunds.getByTestId("refund-2025");
  await expect(story).toContainText(/Régularisation 2025 : remboursement de [\d\s ]+,\d\d\s€, le 28\/11\/2026\./);
  const refundCents = cents((await story.locator("p").first().innerText()).split("remboursement de")[1].split(", le")[0]);
  await expect(story).toContainText("Des cotisations étaient échues et impayées : nous avons d'abord réglé 3 091,50 € avec ce remboursement (compensation), avant de vous verser quoi que ce soit");
  const line = story.getByRole("row", { name: /Cotisation provisoire — 4e trimestre 2025/ });
  await expect(line).toContainText("3 091,50 €");
  const rest = refundCents - 309_150;
  expect(rest).toBeGreaterThan(0);
  await expect(story).toContainText(`${(rest / 100).toFixed(2).replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")} € vous sera versé sur votre compte bancaire.`);
  // the account adds up: nothing overdue, the rest of the refund in her favour
  const account = page.getByRole("region", { name: "Ce que je dois" });
  await expect(account.getByText("Dont échu et impayé").locator("..")).toContainText("0,00 €");
  await expect(account.getByTestId("credit")).toContainText(/^En votre faveur : [\d\s]+,\d\d\s€ \(un paiement ou un remboursement pas encore utilisé\)/);
  await expect(page.getByRole("region", { name: "Régularisation" }).getByTestId("regularisation-2025")).toContainText("Imputé sur vos cotisations échues3 091,50 €");
  await page.screenshot({ path: test.info().outputPath("refund-set-off-me.png"), fullPage: true });
  await expectAccessible(page);

  // the call's page says how it was settled
  await line.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cotisation provisoire — 4e trimestre 2025");
  await expect(page.getByText(/^Remboursement de la régularisation 2025 imputé le 28\/11\/2026 \(compensation\) : [\d\s]+,\d\d\s€$/)).toBeVisible();
  await expect(page.getByRole("region", { name: "En bref" })).toContainText("Reste à payer0,00 €");
  await expectAccessible(page);

  // in Dutch
  await page.goto("/me");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  const nl = page.getByRole("region", { name: "Mijn terugbetalingen" });
  await expect(nl).toContainText("met deze terugbetaling hebben we eerst € 3.091,50 daarvan betaald (schuldvergelijking)");
  await expect(nl.getByRole("row", { name: /Voorlopige bijdrage — 4e kwartaal 2025/ })).toContainText("€ 3.091,50");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  // and by e-mail, through the outbox
  const mail = await client.query(`select subject, text from "OutboundEmail" where "affiliateId" = $1 and template = 'refund.set-off'`, [d.affiliateId]);
  expect(mail.rows).toHaveLength(1);
  expect(mail.rows[0].subject).toBe("Votre remboursement de régularisation 2025 a d'abord réglé vos cotisations en retard");
  expect(mail.rows[0].text).toMatch(/^- Cotisation provisoire — 4e trimestre 2025 : 3\s091,50\s€$/m);
});

test("a bridging right whose conditions are not met: a motivated override, approved by a second advisor only", async ({ page }) => {
  data ??= await connect();
  const { client } = data;
  // 8 quarters 2024-Q4 … 2026-Q3, 2026-Q2 unpaid: the last-four-quarters condition fails
  const quarters: [number, number][] = [[2024, 4], [2025, 1], [2025, 2], [2025, 3], [2025, 4], [2026, 1], [2026, 2], [2026, 3]];
  const d = await createDossier(client, "der", quarters, ["2026-Q2"], "1977-02-11");
  const requestId = id("req");
  const reference = `SO-2026-${stamp.slice(-6)}`;
  await client.query("BEGIN");
  await client.query(
    `insert into "Request" (id, reference, type, status, "affiliateId", payload, "filedOn", "decisionDueOn", "updatedAt")
     values ($1, $2, 'BRIDGING_RIGHT', 'IN_REVIEW', $3, $4::jsonb, '2026-11-02', '2027-03-02', now())`,
    [requestId, reference, d.affiliateId, JSON.stringify({ case: "BANKRUPTCY", eventOn: "2026-09-15", familyCharge: true, motivation: "Faillite prononcée" })],
  );
  await client.query(`insert into "RequestEvent" ("requestId", "toStatus") values ($1, 'SUBMITTED')`, [requestId]);
  await client.query(`insert into "BenefitClaim" (id, "affiliateId", type, status, "requestId", "filedOn") values ($1, $2, 'BRIDGING_RIGHT', 'CLAIMED', $3, '2026-11-02')`, [id("claim"), d.affiliateId, requestId]);
  await client.query("COMMIT");
  // the official 2026 figure, as staff enter it in the reference table (a test value)
  await client.query(`update "LegalParameter" set value = 200000, status = 'confirmed' where year = 2026 and key = 'benefits.bridgingRightMonthly.withFamilyChargeCents'`);

  await signIn(page, "advisor3@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto(`/staff/requests/${requestId}`);
  const card = page.getByRole("region", { name: "Conditions et décision" });
  await expect(card.getByTestId("unmet-conditions")).toContainText("Une condition n'est pas remplie :");
  await expect(card.getByTestId("unmet-conditions")).toContainText("Cotisations dues et payées pour le trimestre de la cessation et les 3 précédents");
  await expect(card).toContainText("Non dus ou non payés : T2 2026.");
  await expect(card.getByTestId("unmet-conditions")).toContainText("Accepter quand même est une dérogation");
  await card.getByLabel("Décision", { exact: true }).selectOption("accept");
  await card.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(card.getByRole("alert").filter({ hasText: "cochez la dérogation" })).toBeVisible();
  await expectAccessible(page);
  await card.getByLabel(/Je déroge aux conditions non remplies/).check();
  await card.getByLabel("Motivation (reprise dans le courrier)").fill("Le trimestre impayé fait l'objet d'un plan d'apurement respecté");
  await card.getByRole("button", { name: "Enregistrer la décision" }).click();
  // the proposal is recorded: the card now says who proposed what, and no decision is open any more
  await expect(page.getByTestId("benefit-override")).toContainText("Dérogation proposée par");
  await page.reload();
  await expect(page.getByTestId("request-status")).toHaveText("En attente d'une seconde validation");
  await expect(page.getByTestId("benefit-override")).toContainText(/12 mois à 2\s000,00\s€ par mois/);
  // the proposer is never offered the approval
  await expect(page.getByRole("button", { name: "Valider la décision" })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("benefit-override-proposed.png"), fullPage: true });
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "advisor2@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto(`/staff/requests/${requestId}`);
  await expect(page.getByTestId("benefit-override")).toContainText("Afwijking voorgesteld door");
  await page.getByRole("button", { name: "Beslissing goedkeuren" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Aanvaard");
  await page.reload();
  await expect(page.getByTestId("benefit-override")).toContainText("Toegekend met afwijking");
  await expect(page.getByRole("region", { name: "Voorwaarden en beslissing" })).toContainText("De uitkering is toegekend.");
  await expectAccessible(page);
  const claim = await client.query(`select status, "monthlyAmountCents" from "BenefitClaim" where "requestId" = $1`, [requestId]);
  expect(claim.rows[0]).toEqual({ status: "GRANTED", monthlyAmountCents: 200000 });
});
