import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { type FundPaymentDetails, type OpenCallToPay, type MandateView } from "@/lib/dto/account";
import { loadFund } from "@/lib/dal/internal/reference-data";

/** Everything the caller can pay now: each open call with the fund's account and the call's own communication. */
export async function getMyPaymentInstructions(viewer: Viewer | null): Promise<{ fund: FundPaymentDetails; calls: OpenCallToPay[]; mandates: MandateView[] }> {
  const affiliateId = ownAffiliateId(viewer);
  const [fund, calls, outstanding, mandates] = await Promise.all([
    loadFund(prisma).then(({ name, iban, bic, creditorId }) => ({ name, iban, bic, creditorId })),
    prisma.contributionCall.findMany({
      where: { affiliateId },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, year: true, quarter: true, dueOn: true, structuredCommunication: true },
    }),
    outstandingByCall(affiliateId),
    listMandates(affiliateId),
  ]);
  const open = calls
    .map((c) => ({ ...c, dueOn: isoDate(c.dueOn), outstandingCents: outstanding.get(c.id) ?? 0 }))
    .filter((c) => c.outstandingCents > 0);
  return { fund, calls: open, mandates };
}

async function listMandates(affiliateId: string): Promise<MandateView[]> {
  const rows = await prisma.directDebitMandate.findMany({ where: { affiliateId }, orderBy: { createdAt: "desc" } });
  return rows.map((m) => ({ id: m.id, reference: m.reference, iban: m.iban, status: m.status, signedOn: isoDate(m.signedOn) }));
}
