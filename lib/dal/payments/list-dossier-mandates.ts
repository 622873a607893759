import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { type MandateRefusalReason, type StaffMandate } from "@/lib/dto/mandates";

/** The mandates of a dossier (newest first) with their collections, for the advisor's dossier page — whose reading
 *  is already logged by getDossier; who decided each one, and when. */
export async function listDossierMandates(viewer: Viewer | null, affiliateId: string): Promise<StaffMandate[]> {
  assertPermission(viewer, "mandate:manage");
  const a = await prisma.affiliate.findUnique({ where: { id: affiliateId }, select: { id: true } });
  if (!a) throw new NotFoundError("dossier");
  const rows = await prisma.directDebitMandate.findMany({
    where: { affiliateId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { collections: { orderBy: [{ collectOn: "desc" }, { id: "desc" }], take: 24 } },
  });
  const deciders = new Map(
    (await prisma.user.findMany({ where: { id: { in: rows.flatMap((m) => (m.decidedById ? [m.decidedById] : [])) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return rows.map((m) => ({
    id: m.id, reference: m.reference, iban: m.iban, status: m.status, signedOn: isoDate(m.signedOn), requestedAt: m.createdAt.toISOString(),
    decidedAt: m.decidedAt?.toISOString() ?? null, decidedBy: m.decidedById ? (deciders.get(m.decidedById) ?? null) : null,
    refusalReason: (m.refusalReason as MandateRefusalReason | null) ?? null, refusalNote: m.refusalNote,
    collections: m.collections.map((c) => ({ id: c.id, collectOn: isoDate(c.collectOn), amountCents: c.amountCents, status: c.status, rejectedReason: c.rejectedReason })),
  }));
}
