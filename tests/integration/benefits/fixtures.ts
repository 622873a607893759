// Own fixtures of the benefit-handling tests: a dossier's contribution history (calls, payments and their
// allocations), a bridging-right or caregiver request with its claim (as engineer 13's forms create them), and the
// legal figures a staff member would enter in the reference table.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dbDate, makeCommunication } from "@/prisma/factories";
import { addQuarters, quarterEnd, quarterStart, type Quarter } from "@/lib/domain";

let serial = 0;

/** One provisional call per quarter (`count` quarters ending with `last`), paid unless listed in `unpaid`. */
export async function buildHistory(
  prisma: PrismaClient,
  affiliateId: string,
  input: { last: Quarter; count: number; unpaid?: string[]; category?: "MAIN" | "COMPLEMENTARY"; contributionCents?: number },
) {
  for (let i = 0; i < input.count; i++) {
    const q = addQuarters(input.last, -i);
    const label = `${q.year}-Q${q.quarter}`;
    serial++;
    const amount = input.contributionCents ?? 90000;
    const call = await prisma.contributionCall.create({
      data: {
        affiliateId,
        kind: "PROVISIONAL",
        year: q.year,
        quarter: q.quarter,
        category: input.category ?? "MAIN",
        contributionCents: amount,
        managementFeeCents: 0,
        totalCents: amount,
        structuredCommunication: makeCommunication(String(7_000_000_000 + serial)),
        issuedOn: dbDate(quarterStart(q)),
        dueOn: dbDate(quarterEnd(q)),
        breakdown: [],
      },
    });
    const debit = await prisma.ledgerEntry.create({ data: { affiliateId, kind: "CALL", amountCents: amount, bookedOn: dbDate(quarterStart(q)), callId: call.id, reasonCode: "call.provisional" } });
    if (input.unpaid?.includes(label)) continue;
    const credit = await prisma.ledgerEntry.create({ data: { affiliateId, kind: "PAYMENT", amountCents: -amount, bookedOn: dbDate(quarterEnd(q)), reasonCode: "payment.received" } });
    await prisma.paymentAllocation.create({ data: { paymentEntryId: credit.id, targetEntryId: debit.id, amountCents: amount } });
  }
}

/** A submitted request and its claim, as the affiliate's form files them. */
export async function fileClaim(
  prisma: PrismaClient,
  affiliateId: string,
  type: "BRIDGING_RIGHT" | "CAREGIVER_ALLOWANCE",
  payload: Record<string, unknown>,
  filedOn = "2026-05-02",
) {
  serial++;
  // the request and its claim in one transaction, as the filing does (the database refuses a request without its claim)
  const request = await prisma.request.create({
    data: {
      reference: `B-2026-${String(serial).padStart(6, "0")}`, type, status: "SUBMITTED", affiliateId, payload: payload as never, filedOn: dbDate(filedOn), decisionDueOn: dbDate("2026-09-02"),
      events: { create: [{ toStatus: "SUBMITTED" }] },
      benefitClaim: { create: { affiliateId, type, status: "CLAIMED", filedOn: dbDate(filedOn) } },
    },
  });
  const claim = await prisma.benefitClaim.findUniqueOrThrow({ where: { requestId: request.id } });
  await prisma.document.create({ data: { affiliateId, requestId: request.id, kind: "EVIDENCE", fileName: "jugement.pdf", mimeType: "application/pdf", sizeBytes: 4, content: new Uint8Array([37, 80, 68, 70]) } });
  return { request, claim };
}

/** The figures staff enter in the reference table (Paramètres légaux) once the official values are read. */
export async function enterFigures(prisma: PrismaClient, year: number, figures: Record<string, number>) {
  for (const [key, value] of Object.entries(figures)) {
    await prisma.legalParameter.create({ data: { year, key, unit: key.endsWith("Bp") ? "bp" : "cents", value: BigInt(value), source: "https://example.test/moniteur", status: "confirmed" } });
  }
}
