
import type pg from "pg";
import { expectAccessible, signIn, signOut, expect, test } from "./support";
import { connect, disconnect, type BackOfficeData } from "./back-office-data";

// The advisor handles a bridging-right claim created here (a dossier with 8 paid quarters): sees the conditions, sees
// that the legal amount is missing, then grants once the figure is in the reference table; records a late payment of
// an older granted claim (interest computed), and marks it sent to the health insurer. Axe on every page.

let data: BackOfficeData | undefined;
test.afterAll(async () => disconnect(data));

const stamp = `${Date.now()}`.slice(-9);
const id = (what: string) => `e2e-bn-${what}-${stamp}`;

function niss(birth: string, seq: number): string {
  const body = `${birth.slice(2, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${String(seq).padStart(3, "0")}`;
  return `${body}${String(97 - (Number(BigInt(body) % 97n))).padStart(2, "0")}`;
}
function communication(base10: string): string {
  return `${base10}${String(Number(BigInt(base10) % 97n) || 97).padStart(2, "0")}`;
}

async function createDossier(client: pg.Client): Promise<string> {
  const personId = id("person");
  const affiliateId = id("aff");
  await client.query(
    `insert into "Person" (id, niss, "firstName", "lastName", "birthDate", sex, street, "postalCode", city, "updatedAt")
     values ($1, $2, 'Léa', $3, '1978-04-12', 'F', 'Rue Haute 5', '1000', 'Bruxelles', now())`,
    [personId, niss("1978-04-12", 100 + (Number(stamp) % 800)), `Passerelle${stamp}`],
  );
  await client.query(`insert into "Affiliate" (id, "memberNumber", kind, "personId") values ($1, $2, 'PERSON', $3)`, [affiliateId, `BN${stamp}`, personId]);
  await client.query(`insert into "Affiliation" (id, "affiliateId", "startOn", status) values ($1, $2, '2018-01-01', 'ACTIVE')`, [id("afn"), affiliateId]);
  await client.query(`insert into "CategoryPeriod" (id, "affiliationId", category, "fromOn") values ($1, $2, 'MAIN', '2018-01-01')`, [id("cat"), id("afn")]);
  // 8 paid quarters, 2024-Q4 … 2026-Q3
  const quarters = [[2024, 4], [2025, 1], [2025, 2], [2025, 3], [2025, 4], [2026, 1], [2026, 2], [2026, 3]];
  for (const [i, [year, quarter]] of quarters.entries()) {
    const callId = id(`call${i}`);
    await client.query(
      `insert into "ContributionCall" (id, "affiliateId", kind, year, quarter, category, "contributionCents", "managementFeeCents", "totalCents", "structuredCommunication", "issuedOn", "dueOn", breakdown)
       values ($1, $2, 'PROVISIONAL', $3, $4, 'MAIN', 90000, 0, 90000, $5, make_date($3, $4 * 3 - 2, 1), (make_date($3, $4 * 3 - 2, 1) + interval '3 months' - interval '1 day')::date, '[]')`,
      [callId, affiliateId, year, quarter, communication(`9${stamp.slice(-8)}${i}`)],
    );
    const debit = await client.query(`insert into "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "callId", "reasonCode") values ($1, 'CALL', 90000, make_date($2, $3 * 3 - 2, 1), $4, 'call.provisional') returning id`, [affiliateId, year, quarter, callId]);
    const credit = await client.query(`insert into "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "reasonCode") values ($1, 'PAYMENT', -90000, make_date($2, $3 * 3 - 2, 15), 'payment.received') returning id`, [affiliateId, year, quarter]);
    await client.query(`insert into "PaymentAllocation" ("paymentEntryId", "targetEntryId", "amountCents") values ($1, $2, 90000)`, [credit.rows[0].id, debit.rows[0].id]);
  }
  return affiliateId;
}

async function createClaim(client: pg.Client, affiliateId: string, what: string, input: { type: string; requestStatus: string; claimStatus: string; payload: object; paymentDueOn?: string; monthly?: number }) {
  const requestId = id(`req-${what}`);
  const claimId = id(`claim-${what}`);
  const reference = `BN-2026-${stamp.slice(-6)}${what.slice(0, 1).toUpperCase()}`;
  // the request and its claim in one transaction (the database refuses a benefit request without its claim)
  await client.query("BEGIN");
  await client.query(
    `insert into "Request" (id, reference, type, status, "affiliateId", payload, "filedOn", "decisionDueOn", "updatedAt")
     values ($1, $2, $3::"RequestType", $4::"RequestStatus", $5, $6::jsonb, '2026-11-02', '2027-03-02', now())`,
    [requestId, reference, input.type, input.requestStatus, affiliateId, JSON.stringify(input.payload)],
  );
  await client.query(`insert into "RequestEvent" ("requestId", "toStatus") values ($1, 'SUBMITTED')`, [requestId]);
  await client.query(
    `insert into "BenefitClaim" (id, "affiliateId", type, status, "requestId", "filedOn", "paymentDueOn", "monthlyAmountCents")
     values ($1, $2, $3::"BenefitType", $4::"BenefitStatus", $5, '2026-11-02', $6, $7)`,
    [claimId, affiliateId, input.type, input.claimStatus, requestId, input.paymentDueOn ?? null, input.monthly ?? null],
  );
  await client.query("COMMIT");
  await client.query(`insert into "Document" (id, "affiliateId", "requestId", kind, "fileName", "mimeType", "sizeBytes") values ($1, $2, $3, 'EVIDENCE', 'jugement-faillite.pdf', 'application/pdf', 0)`, [id(`doc-${what}`), affiliateId, requestId]);
  return { claimId, reference };
}

test.setTimeout(300_000);

test("an advisor checks a bridging-right claim, grants it, records a late payment with interest and tells the health insurer", async ({ page }) => {
  data = await connect();
  const { client } = data;
  const affiliateId = await createDossier(client);
  const fresh = await createClaim(client, affiliateId, "fresh", {
    type: "BRIDGING_RIGHT",
    requestStatus: "SUBMITTED",
    claimStatus: "CLAIMED",
    payload: { case: "BANKRUPTCY", eventOn: "2026-09-15", familyCharge: true, motivation: "Faillite prononcée le 15 septembre" },
  });
  const older = await createClaim(client, affiliateId, "older", {
    type: "CAREGIVER_ALLOWANCE",
    requestStatus: "ACCEPTED",
    claimStatus: "GRANTED",
    paymentDueOn: "2026-09-30",
    monthly: 150000,
    payload: { interruption: "FULL", startOn: "2026-05-04", months: 3, careFor: "Ma mère", motivation: "Soins", grant: { months: 3, monthlyAmountCents: 150000, grantedOn: "2026-05-30", firstMonthOn: "2026-05-01" } },
  });

  await signIn(page, "advisor@demo.caisse.be");
  await page.waitForURL("**/staff");
  await page.goto("/staff/benefits?type=BRIDGING_RIGHT&status=CLAIMED");
  await expect(page.getByRole("heading", { level: 1, name: "Prestations" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(`Passerelle${stamp}`) });
  await expect(row).toContainText("Dans les délais");
  await expectAccessible(page);

  await row.getByRole("link", { name: "Droit passerelle" }).click();
  await page.waitForURL(`**/staff/benefits/${fresh.claimId}`);
  const conditions = page.getByRole("region", { name: "Conditions, vérifiées dans le dossier" });
  await expect(conditions).toContainText("Toutes les conditions sont remplies : 12 mois");
  await expect(conditions).toContainText("Trimestres vérifiés : T3 2026, T2 2026, T1 2026, T4 2025");
  await expect(conditions).toContainText("7 trimestres payés de T3 2022 à T2 2026");
  await expect(page.getByRole("link", { name: "jugement-faillite.pdf" })).toHaveAttribute("href", /\/api\/evidence\/e2e-bn-doc-fresh-/);
  // the 2026 amount is not in the reference table yet: no amount is invented, no grant button
  await expect(conditions.getByRole("alert")).toContainText("Le montant légal de 2026 n'est pas connu");
  await expect(page.getByRole("button", { name: "Accorder la prestation" })).toHaveCount(0);
  await expectAccessible(page);

  // staff enter the official figures in the reference table (Paramètres légaux); test values
  await client.query(
    `update "LegalParameter" set value = case key when 'benefits.bridgingRightMonthly.withFamilyChargeCents' then 200000 else 450 end, status = 'confirmed'
     where year = 2026 and key in ('benefits.bridgingRightMonthly.withFamilyChargeCents', 'benefits.legalInterestRateBp')`,
  );
  await page.reload();
  await expect(conditions).toContainText(/Accorder 12 mois à 2\s000,00\s€ par mois, soit 24\s000,00\s€/);
  await conditions.getByRole("button", { name: "Accorder la prestation" }).click();
  // once granted, the decision card gives way to the payments
  await expect(page.getByRole("region", { name: "Paiements" })).toBeVisible();
  await page.reload();
  const summary = page.getByRole("region", { name: "Résumé" });
  await expect(summary).toContainText("Accordée");
  await expect(summary).toContainText("28/03/2027");
  await expect(page.getByRole("region", { name: `Demande ${fresh.reference}` })).toContainText("Acceptée");
  await expectAccessible(page);

  // an older granted claim, paid late: 1.500,00 € × 4,50 % × 59 days / 365 = 10,91 €
  await page.goto(`/staff/benefits/${older.claimId}`);
  const payments = page.getByRole("region", { name: "Paiements" });
  await payments.getByLabel("Date du paiement").fill("2026-11-28");
  await payments.getByRole("button", { name: "Enregistrer le paiement" }).click();
  await expect(payments.getByRole("status")).toContainText("Paiement enregistré en retard");
  await page.reload();
  const paymentRow = payments.getByRole("row", { name: /28\/11\/2026/ });
  await expect(paymentRow).toContainText(/1\s500,00\s€/);
  await expect(paymentRow).toContainText("10,91 €");
  await expectAccessible(page);
  await paymentRow.getByRole("button", { name: "Marquer comme communiqué (paiement du 28/11/2026)" }).click();
  await expect(payments.getByRole("row", { name: /28\/11\/2026/ })).toContainText("Communiqué le");
  const sent = await client.query(`select "sentToHealthInsurerAt", "interestCents" from "BenefitPayment" where "claimId" = $1`, [older.claimId]);
  expect(sent.rows).toMatchObject([{ interestCents: 1091 }]);
  expect(sent.rows[0].sentToHealthInsurerAt).not.toBeNull();

  // the list of payments not yet sent no longer shows it
  await page.goto("/staff/benefits");
  await expect(page.getByRole("region", { name: "Paiements pas encore communiqués à la mutualité" })).not.toContainText(`Passerelle${stamp}`);
  await expectAccessible(page);
  await signOut(page);

  // a manager does not have this area
  await signIn(page, "manager@demo.caisse.be");
  await page.waitForURL("**/staff");
  for (const url of ["/staff/benefits", `/staff/benefits/${older.claimId}`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
  }
});
