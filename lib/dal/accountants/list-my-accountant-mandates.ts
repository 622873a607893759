import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { mandateSelect, mandateView } from "@/lib/dal/internal/accountant-mandates";
import type { AccountantMandateView } from "@/lib/dto/accountants";

/** The affiliate's mandates to accountants: requests waiting for an answer first, then the others, newest first. */
export async function listMyAccountantMandates(viewer: Viewer | null, today: string): Promise<AccountantMandateView[]> {
  const affiliateId = ownAffiliateId(viewer, "self");
  const rows = await prisma.accountantMandate.findMany({ where: { affiliateId }, select: mandateSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50 });
  const views = rows.map((m) => mandateView(m, today));
  return [...views.filter((v) => v.state === "REQUESTED"), ...views.filter((v) => v.state !== "REQUESTED")];
}
