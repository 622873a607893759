import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffRead } from "@/lib/dal/internal/access-log";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { renderCallNotice } from "@/lib/letters/call-notice";
import { findFund } from "@/lib/dal/internal/reference-data";
import { recipientOf } from "@/lib/letters/recipient";

/** The call notice PDF of one call: for the affiliate who owns the call and for staff who may read any dossier;
 *  anyone else (another affiliate, anonymous) gets NotFoundError. */
export async function getCallNoticePdf(viewer: Viewer | null, callId: string, courtesy: "en" | null = null): Promise<{ fileName: string; content: Buffer }> {
  let where: { id: string; affiliateId?: string };
  if (viewer && can(viewer.role, "dossier:read:any")) where = { id: callId };
  else where = { id: callId, affiliateId: ownAffiliateId(viewer) };
  const call = await prisma.contributionCall.findFirst({ where, include: { affiliate: { include: { person: true, company: true } } } });
  if (!call) throw new NotFoundError("call");
  if (viewer) await logStaffRead(viewer, { affiliateId: call.affiliateId, action: "call-notice.view", entity: "ContributionCall", entityId: call.id, reason: "consultation" });
  const fund = await findFund(prisma);
  if (!fund) throw new NotFoundError("fund");
  const a = call.affiliate;
  const content = await renderCallNotice({
    locale: courtesy ?? a.language,
    ...(courtesy && courtesy !== a.language ? { courtesyOf: a.language } : {}),
    memberNumber: a.memberNumber,
    ...recipientOf(a),
    call: {
      kind: call.kind, year: call.year, quarter: call.quarter, totalCents: call.totalCents, contributionCents: call.contributionCents,
      managementFeeCents: call.managementFeeCents, dueOn: call.dueOn.toISOString().slice(0, 10), structuredCommunication: call.structuredCommunication,
    },
    fund,
  });
  return { fileName: `avis-${call.structuredCommunication}.pdf`, content };
}
