import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { yearOf } from "@/lib/domain";
import { holderOf } from "@/lib/dal/internal/documents";
import { loadFund } from "@/lib/dal/internal/reference-data";
import { type TaxCertificate } from "@/lib/dto/documents";

/** Contributions paid in `year` (value date), split into contributions, management fees and surcharges. */
export async function getMyTaxCertificate(viewer: Viewer | null, year: number, today: string): Promise<TaxCertificate> {
  const affiliateId = ownAffiliateId(viewer);
  if (!Number.isInteger(year) || year < 2000 || year > yearOf(today)) throw new NotFoundError("year");
  const rows = await prisma.$queryRaw<{ valueOn: Date; kind: string; cents: bigint }[]>`
    SELECT COALESCE(p."valueOn", p."bookedOn") AS "valueOn", t.kind::text AS kind, SUM(a."amountCents")::bigint AS cents
    FROM "PaymentAllocation" a
    JOIN "LedgerEntry" p ON p.id = a."paymentEntryId"
    JOIN "LedgerEntry" t ON t.id = a."targetEntryId"
    WHERE p."affiliateId" = ${affiliateId} AND t."affiliateId" = ${affiliateId}
      AND p.kind = 'PAYMENT' -- only money actually paid (an INASTI exemption or waiver credit is not a payment)
      AND EXTRACT(YEAR FROM COALESCE(p."valueOn", p."bookedOn")) = ${year}
    GROUP BY 1, 2 ORDER BY 1`;
  const byDay = new Map<string, { valueOn: string; contributionCents: number; feeCents: number; surchargeCents: number }>();
  for (const r of rows) {
    const day = isoDate(r.valueOn);
    const line = byDay.get(day) ?? { valueOn: day, contributionCents: 0, feeCents: 0, surchargeCents: 0 };
    const cents = Number(r.cents);
    if (r.kind === "FEE") line.feeCents += cents;
    else if (r.kind === "SURCHARGE") line.surchargeCents += cents;
    else line.contributionCents += cents;
    byDay.set(day, line);
  }
  const payments = [...byDay.values()];
  const sum = (k: "contributionCents" | "feeCents" | "surchargeCents") => payments.reduce((s, p) => s + p[k], 0);
  const totals = { contributionCents: sum("contributionCents"), feeCents: sum("feeCents"), surchargeCents: sum("surchargeCents"), deductibleCents: 0 };
  totals.deductibleCents = totals.contributionCents + totals.feeCents;
  return { year, issuedOn: today, holder: await holderOf(affiliateId), fund: await loadFund(prisma).then(({ name, address, phone, email }) => ({ name, address, phone, email })), payments, totals };
}
