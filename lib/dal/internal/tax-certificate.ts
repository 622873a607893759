// The tax certificate's one amount rule, with the client its caller hands over: the affiliate's page
// (get-my-tax-certificate.ts, the app's client) and the January job (lib/jobs/tax-certificates.ts, a plain Node
// script) both read it here. No "server-only" here for that reason.
import { isoDate } from "@/lib/clock";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { type Holder, type TaxCertificate } from "@/lib/dto/documents";
import { recipientOf } from "@/lib/letters/recipient";
import { loadFund } from "@/lib/dal/internal/reference-data";

type Db = Prisma.TransactionClient | PrismaClient;
type Line = TaxCertificate["payments"][number];

/** The holder block of a certificate: the recipient, the identifier (national or enterprise number), the member number. */
export async function holdersOf(db: Db, affiliateIds: readonly string[]): Promise<Map<string, Holder>> {
  const rows = await db.affiliate.findMany({ where: { id: { in: [...affiliateIds] } }, include: { person: true, company: true } });
  return new Map(
    rows.map((a) => {
      const { addressee, address } = recipientOf(a);
      const holder: Holder = a.person
        ? { name: addressee, identifier: a.person.niss, identifierKind: "niss", memberNumber: a.memberNumber, address }
        : { name: addressee, identifier: a.company!.enterpriseNumber, identifierKind: "enterprise", memberNumber: a.memberNumber, address };
      return [a.id, holder];
    }),
  );
}

/**
 * The tax certificates of `year` for these affiliates: the money actually paid (PAYMENT entries, by value date in
 * `year`; an INASTI exemption or waiver credit is not a payment) allocated to their contributions, fees and
 * surcharges, line by value date. Contributions and management fees are deductible, surcharges are not. An
 * affiliate who paid nothing in `year` gets a certificate with no lines (the job skips those).
 */
export async function taxCertificatesOf(db: Db, affiliateIds: readonly string[], year: number, today: string): Promise<Map<string, TaxCertificate>> {
  const ids = [...new Set(affiliateIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ affiliateId: string; valueOn: Date; kind: string; cents: bigint }[]>`
    SELECT p."affiliateId", COALESCE(p."valueOn", p."bookedOn") AS "valueOn", t.kind::text AS kind, SUM(a."amountCents")::bigint AS cents
    FROM "PaymentAllocation" a
    JOIN "LedgerEntry" p ON p.id = a."paymentEntryId"
    JOIN "LedgerEntry" t ON t.id = a."targetEntryId"
    WHERE p."affiliateId" = ANY(${ids}::text[]) AND t."affiliateId" = p."affiliateId"
      AND p.kind = 'PAYMENT'
      AND EXTRACT(YEAR FROM COALESCE(p."valueOn", p."bookedOn")) = ${year}
    GROUP BY 1, 2, 3 ORDER BY 1, 2`;
  const lines = new Map<string, Map<string, Line>>(ids.map((id) => [id, new Map()]));
  for (const r of rows) {
    const byDay = lines.get(r.affiliateId)!;
    const day = isoDate(r.valueOn);
    const line = byDay.get(day) ?? { valueOn: day, contributionCents: 0, feeCents: 0, surchargeCents: 0 };
    const cents = Number(r.cents);
    if (r.kind === "FEE") line.feeCents += cents;
    else if (r.kind === "SURCHARGE") line.surchargeCents += cents;
    else line.contributionCents += cents;
    byDay.set(day, line);
  }
  const holders = await holdersOf(db, ids);
  const { name, address, phone, email } = await loadFund(db);
  const certificates = new Map<string, TaxCertificate>();
  for (const id of ids) {
    const holder = holders.get(id);
    if (!holder) continue;
    const payments = [...lines.get(id)!.values()];
    const sum = (k: "contributionCents" | "feeCents" | "surchargeCents") => payments.reduce((s, p) => s + p[k], 0);
    const totals = { contributionCents: sum("contributionCents"), feeCents: sum("feeCents"), surchargeCents: sum("surchargeCents"), deductibleCents: 0 };
    totals.deductibleCents = totals.contributionCents + totals.feeCents;
    certificates.set(id, { year, issuedOn: today, holder, fund: { name, address, phone, email }, payments, totals });
  }
  return certificates;
}
