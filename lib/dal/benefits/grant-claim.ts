import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { charterPaymentDueOn } from "@/lib/domain";
import { transitionRequest, type RequestState } from "@/lib/domain/transition-request";
import { toDbStatus, toDomainState, toDomainType } from "@/lib/db/enums";
import { serverTranslator } from "@/lib/i18n/translator";
import { formatDate, formatMoney } from "@/lib/format";
import { sendEmail } from "@/lib/mail/outbox";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Grant } from "@/lib/dto/benefits";
import { checkClaim, claimInclude } from "@/lib/dal/internal/benefits";
import { NotFoundError, refused } from "@/lib/errors";

/** The request's path to "accepted" through the domain's state machine (each step becomes a RequestEvent). */
function pathToAccepted(type: string, status: string): RequestState[] | null {
  const domainType = toDomainType(type as never);
  let state = toDomainState(status as never);
  const path: RequestState[] = [];
  for (const next of ["in-review", "accepted"] as const) {
    if (state === "in-review" && next === "in-review") continue;
    const r = transitionRequest(domainType, state, next);
    if (!r.ok) return null;
    path.push(r.state);
    state = r.state;
  }
  return path;
}

/**
 * The advisor grants a claim whose conditions are all met: claim GRANTED with its monthly amount and the Charte's
 * payment deadline (4 months after today's notification), the request ACCEPTED through the allowed transitions,
 * and an e-mail to the affiliate. Refused (nothing written) when a condition fails or a figure is missing.
 */
export async function grantClaim(viewer: Viewer | null, input: { claimId: string }, today: string): Promise<{ paymentDueOn: string; monthlyAmountCents: number; months: number }> {
  assertPermission(viewer, "request:decide");
  const c = await prisma.benefitClaim.findUnique({ where: { id: input.claimId }, include: { ...claimInclude, affiliate: { select: { ...claimInclude.affiliate.select, language: true, person: { select: { firstName: true, lastName: true, birthDate: true, email: true } } } } } });
  if (!c) throw new NotFoundError("claim");
  if (c.status !== "CLAIMED" || !c.request) throw refused("bnNotClaimed");
  if (c.request.status === "AWAITING_SECOND_APPROVAL") throw refused("fourEyesPending");
  const path = pathToAccepted(c.request.type, c.request.status);
  if (!path) throw refused("transitionNotAllowed");
  const checked = await checkClaim(c, today);
  if (!checked || !checked.check.eligible || checked.check.months === 0) throw refused("bnNotEligible");
  if (checked.check.monthlyAmountCents === null) throw refused("bnFigureMissing");
  const monthlyAmountCents = checked.check.monthlyAmountCents;
  const months = checked.check.months;
  const paymentDueOn = charterPaymentDueOn(today);
  const request = c.request;
  const grant: Grant = { months, monthlyAmountCents, grantedOn: today, firstMonthOn: checked.firstMonthOn };
  await prisma.$transaction(async (tx) => {
    const moved = await tx.benefitClaim.updateMany({ where: { id: c.id, status: "CLAIMED" }, data: { status: "GRANTED", monthlyAmountCents, paymentDueOn: dbDate(paymentDueOn) } });
    if (moved.count !== 1) throw refused("concurrentChange");
    let from = request.status;
    for (const [i, state] of path.entries()) {
      const to = toDbStatus(state);
      const final = i === path.length - 1;
      const data: Prisma.RequestUncheckedUpdateManyInput = final
        ? { status: to, decidedAt: new Date(), decidedById: viewer.userId, decisionReasonCode: "benefit.granted", payload: { ...((request.payload ?? {}) as object), grant } }
        : { status: to };
      const r = await tx.request.updateMany({ where: { id: request.id, status: from }, data });
      if (r.count !== 1) throw refused("concurrentChange");
      await tx.requestEvent.create({ data: { requestId: request.id, actorId: viewer.userId, fromStatus: from, toStatus: to, reason: final ? `benefit.granted — ${months} × ${monthlyAmountCents}` : "benefit.review" } });
      from = to;
    }
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "benefit.grant", entity: "BenefitClaim", entityId: c.id, details: { months, monthlyAmountCents, paymentDueOn } } });
  });
  const email = c.affiliate.person?.email;
  if (email) {
    const locale = c.affiliate.language;
    const t = serverTranslator(locale, "bn_mail");
    const values = { reference: request.reference, type: c.type, months, amount: formatMoney(locale, monthlyAmountCents), dueOn: formatDate(locale, paymentDueOn) };
    await sendEmail({ to: email, subject: t("grantedSubject", values), text: t("grantedText", values), template: "benefit.granted", affiliateId: c.affiliateId, uniqueKey: `benefit-granted:${c.id}` });
  }
  return { paymentDueOn, monthlyAmountCents, months };
}
