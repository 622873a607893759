import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { type MandateRefusalReason, type MyMandate } from "@/lib/dto/mandates";

/** The affiliate's own mandates (newest first): their status, the advisor's decision (a refusal's reason and
 *  words), and each collection their bank returned — the debt it reopened is on their account. */
export async function getMyMandates(viewer: Viewer | null): Promise<MyMandate[]> {
  const affiliateId = ownAffiliateId(viewer);
  const rows = await prisma.directDebitMandate.findMany({
    where: { affiliateId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { collections: { where: { status: "REJECTED" }, orderBy: [{ collectOn: "desc" }, { id: "desc" }], take: 12 } },
  });
  return rows.map((m) => ({
    id: m.id, reference: m.reference, iban: m.iban, status: m.status, signedOn: isoDate(m.signedOn), decidedAt: m.decidedAt?.toISOString() ?? null,
    refusalReason: (m.refusalReason as MandateRefusalReason | null) ?? null, refusalNote: m.refusalNote,
    returns: m.collections.map((c) => ({ collectOn: isoDate(c.collectOn), amountCents: c.amountCents, reason: c.rejectedReason ?? "" })),
  }));
}
