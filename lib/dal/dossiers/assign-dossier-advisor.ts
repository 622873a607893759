import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { assertAssignable } from "@/lib/dal/internal/requests";

/** Names the advisor in charge of a dossier ("votre interlocuteur"). */
export async function assignDossierAdvisor(viewer: Viewer | null, input: { affiliateId: string; advisorId: string }): Promise<void> {
  assertPermission(viewer, "request:decide");
  const a = await prisma.affiliate.findUnique({ where: { id: input.affiliateId }, select: { id: true, advisorId: true } });
  if (!a) throw new NotFoundError("dossier");
  await assertAssignable(input.advisorId);
  await prisma.$transaction([
    prisma.affiliate.update({ where: { id: a.id }, data: { advisorId: input.advisorId } }),
    prisma.auditLog.create({ data: { actorId: viewer.userId, action: "dossier.advisor", entity: "Affiliate", entityId: a.id, details: { from: a.advisorId, to: input.advisorId } } }),
  ]);
}
