import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { type DossierPlan } from "@/lib/dto/dossiers";

/** The payment plans of a dossier (newest first) with their instalments, for the advisor's dossier page — whose
 *  reading is already logged by getDossier. */
export async function listDossierPlans(viewer: Viewer | null, affiliateId: string, today: string): Promise<DossierPlan[]> {
  assertPermission(viewer, "dossier:read:any");
  const a = await prisma.affiliate.findUnique({ where: { id: affiliateId }, select: { id: true } });
  if (!a) throw new NotFoundError("dossier");
  const plans = await prisma.paymentPlan.findMany({
    where: { affiliateId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 10,
    include: { request: { select: { id: true, reference: true } }, instalments: { orderBy: { seq: "asc" } } },
  });
  return plans.map((p) => ({
    id: p.id,
    status: p.status,
    requestId: p.request?.id ?? null,
    reference: p.request?.reference ?? null,
    startOn: isoDate(p.startOn),
    brokenOn: p.brokenOn ? isoDate(p.brokenOn) : null,
    debtCents: p.debtCents,
    paidCents: p.instalments.reduce((s, i) => s + Math.min(i.paidCents, i.amountCents), 0),
    instalments: p.instalments
      .filter((i) => i.amountCents > 0)
      .map((i) => ({
        seq: i.seq,
        dueOn: isoDate(i.dueOn),
        amountCents: i.amountCents,
        paidCents: i.paidCents,
        state: i.paidCents >= i.amountCents ? ("paid" as const) : isoDate(i.dueOn) < today ? ("late" as const) : ("due" as const),
        remindedOn: i.remindedOn ? isoDate(i.remindedOn) : null,
      })),
  }));
}
