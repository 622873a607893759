import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { NotFoundError, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { yearOf } from "@/lib/domain";
import type { Category, DocumentKind } from "@/lib/generated/prisma/enums";

// The affiliate's documents: the tax certificate of the contributions paid in a year (computed from the ledger:
// the payment allocations whose payment has its value date in that year), the affiliation certificate, and copies
// of the documents stored for the dossier. Another dossier's document is a 404.

export type Holder = { name: string; identifier: string; identifierKind: "niss" | "enterprise"; memberNumber: string; address: string[] };
export type Fund = { name: string; address: string; phone: string; email: string };

async function holderOf(affiliateId: string): Promise<Holder> {
  const a = await prisma.affiliate.findUnique({ where: { id: affiliateId }, include: { person: true, company: true } });
  if (!a) throw new NotFoundError("affiliate");
  if (a.person)
    return { name: `${a.person.firstName} ${a.person.lastName}`, identifier: a.person.niss, identifierKind: "niss", memberNumber: a.memberNumber, address: [a.person.street, `${a.person.postalCode} ${a.person.city}`] };
  return { name: a.company!.name, identifier: a.company!.enterpriseNumber, identifierKind: "enterprise", memberNumber: a.memberNumber, address: [a.company!.street, `${a.company!.postalCode} ${a.company!.city}`] };
}

async function fundOf(): Promise<Fund> {
  const f = await prisma.fund.findUnique({ where: { id: 1 }, select: { name: true, address: true, phone: true, email: true } });
  if (!f) throw new NotFoundError("fund");
  return f;
}

export type TaxCertificate = {
  year: number;
  issuedOn: string;
  holder: Holder;
  fund: Fund;
  payments: { valueOn: string; contributionCents: number; feeCents: number; surchargeCents: number }[];
  totals: { contributionCents: number; feeCents: number; surchargeCents: number; deductibleCents: number };
};

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
  return { year, issuedOn: today, holder: await holderOf(affiliateId), fund: await fundOf(), payments, totals };
}

export type AffiliationCertificate = {
  issuedOn: string;
  holder: Holder;
  fund: Fund;
  affiliations: { startOn: string; endOn: string | null; status: string; periods: { category: Category; fromOn: string; toOn: string | null }[] }[];
};

export async function getMyAffiliationCertificate(viewer: Viewer | null, today: string): Promise<AffiliationCertificate> {
  const affiliateId = ownAffiliateId(viewer);
  const affs = await prisma.affiliation.findMany({ where: { affiliateId }, orderBy: { startOn: "asc" }, include: { periods: { orderBy: { fromOn: "asc" } } } });
  return {
    issuedOn: today,
    holder: await holderOf(affiliateId),
    fund: await fundOf(),
    affiliations: affs.map((a) => ({
      startOn: isoDate(a.startOn),
      endOn: a.endOn ? isoDate(a.endOn) : null,
      status: a.status,
      periods: a.periods.map((p) => ({ category: p.category, fromOn: isoDate(p.fromOn), toOn: p.toOn ? isoDate(p.toOn) : null })),
    })),
  };
}

export type StoredDocument = { id: string; kind: DocumentKind; fileName: string; mimeType: string; sizeBytes: number; createdAt: string };

export async function listMyDocuments(viewer: Viewer | null): Promise<StoredDocument[]> {
  const affiliateId = ownAffiliateId(viewer);
  const rows = await prisma.document.findMany({
    where: { affiliateId, content: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** A copy of a stored document of the caller's dossier; another dossier's (or a missing) document is a 404. */
export async function getMyDocumentCopy(viewer: Viewer | null, id: string): Promise<{ fileName: string; mimeType: string; content: Uint8Array }> {
  const affiliateId = ownAffiliateId(viewer);
  const d = await prisma.document.findFirst({ where: { id, affiliateId }, select: { fileName: true, mimeType: true, content: true } });
  if (!d || !d.content) throw new NotFoundError("document");
  return { fileName: d.fileName, mimeType: d.mimeType, content: d.content };
}
