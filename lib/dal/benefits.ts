import "server-only";
import { createTranslator } from "next-intl";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { assertPermission, NotFoundError, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { BackofficeError } from "@/lib/backoffice/errors";
import { charterPaymentDueOn, compareDates, DomainError, isIsoDate, quarterlyContribution, yearOf, type Category as DomainCategory } from "@/lib/domain";
import { checkBridgingRight, type BenefitCheck, type ContributionQuarter } from "@/lib/domain/check-bridging-right";
import { checkCaregiverAllowance } from "@/lib/domain/check-caregiver-allowance";
import { calculateBenefitInterest, instalmentDueOn } from "@/lib/domain/calculate-benefit-interest";
import { transitionRequest, type RequestState } from "@/lib/domain/transition-request";
import type { ParameterSet } from "@/lib/domain/parameters/types";
import { daysLeft, deadlineBadge, type DeadlineBadge } from "@/lib/backoffice/deadline";
import { toDbStatus, toDomainState, toDomainType } from "@/lib/backoffice/requests";
import { outstandingByCall } from "@/lib/dal/affiliate";
import { loadParameters } from "@/lib/jobs/parameters";
import { loadMessages } from "@/lib/i18n/messages";
import { sendEmail } from "@/lib/mail/outbox";
import type { Category, Prisma } from "@/lib/generated/prisma/client";

// Maternity aid (105 service vouchers, DOMAIN.md §3.1) is granted proactively: when the fund learns of a birth,
// the claim is OFFERED at once and the mother only confirms — the service commitment's "rights granted
// automatically". The voucher count comes from the year's legal parameters.

/** An advisor records a birth in a mother's dossier; the maternity aid is offered in the same transaction. Idempotent per date. */
export async function recordBirth(viewer: Viewer | null, input: { affiliateId: string; bornOn: string }, today: string) {
  assertPermission(viewer, "request:decide");
  if (!isIsoDate(input.bornOn) || input.bornOn > today) throw new BackofficeError("birthDateInvalid");
  const affiliate = await prisma.affiliate.findUnique({ where: { id: input.affiliateId }, select: { id: true, person: { select: { id: true, sex: true } } } });
  if (!affiliate) throw new NotFoundError("dossier");
  if (!affiliate.person || affiliate.person.sex !== "F") throw new BackofficeError("notAMother");
  const personId = affiliate.person.id;
  return prisma.$transaction(async (tx) => {
    const existing = await tx.birth.findFirst({ where: { personId, bornOn: dbDate(input.bornOn) } });
    if (existing) return { created: false };
    await tx.birth.create({ data: { personId, bornOn: dbDate(input.bornOn) } });
    await tx.benefitClaim.create({
      data: { affiliateId: affiliate.id, type: "MATERNITY_AID", status: "OFFERED", grantedAutomatically: true, filedOn: dbDate(today) },
    });
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "birth.record", entity: "Affiliate", entityId: affiliate.id, details: { bornOn: input.bornOn } } });
    return { created: true };
  });
}

export type BenefitOffer = {
  id: string;
  type: "MATERNITY_AID" | "BRIDGING_RIGHT" | "CAREGIVER_ALLOWANCE";
  status: string;
  offeredOn: string | null;
  paymentDueOn: string | null;
  requestReference: string | null;
  monthlyAmountCents: number | null;
  months: number | null;
  paidCents: number;
  interestPaidCents: number;
  lastPaidOn: string | null;
  /** the next monthly payment expected (granted money benefits not fully paid), null otherwise */
  nextPayment: { amountCents: number; dueOn: string } | null;
};

/** The benefits offered to or granted to the caller, with what was paid (and any late interest). */
export async function listMyBenefits(viewer: Viewer | null): Promise<BenefitOffer[]> {
  const affiliateId = ownAffiliateId(viewer);
  const claims = await prisma.benefitClaim.findMany({
    where: { affiliateId },
    orderBy: { createdAt: "desc" },
    include: { payments: { orderBy: { paidOn: "asc" } }, request: { select: { reference: true, payload: true } } },
  });
  return claims.map((c) => {
    const months = grantOf(c.request?.payload)?.months ?? null;
    const paidCents = c.payments.reduce((s, p) => s + p.amountCents, 0);
    const last = c.payments.at(-1);
    const entitlement = months !== null && c.monthlyAmountCents !== null ? months * c.monthlyAmountCents : null;
    const nextPayment =
      c.status === "GRANTED" && c.type !== "MATERNITY_AID" && entitlement !== null && c.monthlyAmountCents !== null && paidCents < entitlement && c.paymentDueOn
        ? { amountCents: Math.min(c.monthlyAmountCents, entitlement - paidCents), dueOn: dueOfInstalment(isoDate(c.paymentDueOn), c.request?.payload, c.payments.length) }
        : null;
    return {
      id: c.id,
      type: c.type,
      status: c.status,
      offeredOn: c.filedOn ? isoDate(c.filedOn) : null,
      paymentDueOn: c.paymentDueOn ? isoDate(c.paymentDueOn) : null,
      requestReference: c.request?.reference ?? null,
      monthlyAmountCents: c.monthlyAmountCents,
      months,
      paidCents,
      interestPaidCents: c.payments.reduce((s, p) => s + p.interestCents, 0),
      lastPaidOn: last ? isoDate(last.paidOn) : null,
      nextPayment,
    };
  });
}

/** The mother confirms the offered maternity aid: granted at once, vouchers due within the Charte's 4 months. */
export async function confirmMyMaternityAid(viewer: Viewer | null, claimId: string, today: string): Promise<void> {
  const affiliateId = ownAffiliateId(viewer);
  const claim = await prisma.benefitClaim.findFirst({ where: { id: claimId, affiliateId, type: "MATERNITY_AID" } });
  if (!claim) throw new NotFoundError("claim");
  if (claim.status !== "OFFERED") return; // already confirmed: nothing to do twice
  await prisma.$transaction([
    prisma.benefitClaim.update({ where: { id: claim.id }, data: { status: "GRANTED", paymentDueOn: dbDate(charterPaymentDueOn(today)) } }),
    prisma.auditLog.create({ data: { actorId: viewer!.userId, action: "benefit.confirm", entity: "BenefitClaim", entityId: claim.id } }),
  ]);
}

// ───────────────────────────── advisor side: bridging right, caregiver allowance, payments ─────────────────────────────
// Only advisors (permission request:decide) handle claims; everyone else gets a 404. A claim's grant is stored on
// the claim (monthly amount, Charte payment deadline) and, for the months, in the request's payload under `grant`
// (the schema has no column for it).

type Grant = { months: number; monthlyAmountCents: number; grantedOn: string; firstMonthOn: string };

function grantOf(payload: unknown): Grant | null {
  const g = (payload as { grant?: Grant } | null)?.grant;
  return g && typeof g.months === "number" ? g : null;
}

function dueOfInstalment(paymentDueOn: string, payload: unknown, index: number): string {
  const g = grantOf(payload);
  return g ? instalmentDueOn({ paymentDueOn, firstMonthOn: g.firstMonthOn, index }) : paymentDueOn;
}

const toDomainCategory = (c: Category): DomainCategory => c.toLowerCase().replaceAll("_", "-") as DomainCategory;

function dossierName(a: { person: { firstName: string; lastName: string } | null; company: { name: string } | null }): string {
  return a.person ? `${a.person.lastName}, ${a.person.firstName}` : (a.company?.name ?? "");
}

const dossierSelect = { memberNumber: true, person: { select: { firstName: true, lastName: true } }, company: { select: { name: true } } } as const;

/** What every staff view of a claim names: the claim and its dossier. */
type ClaimIdentity = {
  id: string;
  type: "MATERNITY_AID" | "BRIDGING_RIGHT" | "CAREGIVER_ALLOWANCE";
  status: string;
  affiliateId: string;
  dossierName: string;
  memberNumber: string;
  grantedAutomatically: boolean;
  filedOn: string | null;
};

export type ClaimListRow = ClaimIdentity & {
  reference: string | null;
  /** the payment deadline (granted) or, before the decision, the request's decision deadline */
  dueOn: string | null;
  deadline: "payment" | "decision" | null;
  daysLeft: number | null;
  badge: DeadlineBadge | null;
};

/** Claims by payment deadline (the closest first); a claim still to decide shows its decision deadline. */
export async function listClaimsForStaff(viewer: Viewer | null, filters: { type?: string; status?: string }, today: string): Promise<ClaimListRow[]> {
  assertPermission(viewer, "request:decide");
  const where: Prisma.BenefitClaimWhereInput = {};
  if (filters.type) where.type = filters.type as ClaimListRow["type"];
  if (filters.status) where.status = filters.status as Prisma.EnumBenefitStatusFilter["equals"];
  const claims = await prisma.benefitClaim.findMany({
    where,
    include: { affiliate: { select: dossierSelect }, request: { select: { reference: true, decisionDueOn: true } } },
    orderBy: [{ paymentDueOn: "asc" }, { createdAt: "asc" }],
    take: 500,
  });
  const rows = claims.map((c): ClaimListRow => {
    const open = c.status === "GRANTED" || c.status === "CLAIMED" || c.status === "OFFERED";
    const paymentDue = c.paymentDueOn ? isoDate(c.paymentDueOn) : null;
    const decisionDue = c.request?.decisionDueOn ? isoDate(c.request.decisionDueOn) : null;
    const dueOn = paymentDue ?? decisionDue;
    const deadline = paymentDue ? "payment" : decisionDue ? "decision" : null;
    return {
      id: c.id,
      type: c.type,
      status: c.status,
      affiliateId: c.affiliateId,
      dossierName: dossierName(c.affiliate),
      memberNumber: c.affiliate.memberNumber,
      reference: c.request?.reference ?? null,
      filedOn: c.filedOn ? isoDate(c.filedOn) : null,
      dueOn,
      deadline,
      daysLeft: dueOn && open ? daysLeft(dueOn, today) : null,
      badge: dueOn && open ? deadlineBadge({ dueOn, today, paused: false }) : null,
      grantedAutomatically: c.grantedAutomatically,
    };
  });
  // open claims by deadline first, then the settled ones
  return rows.sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || (a.dueOn ?? "").localeCompare(b.dueOn ?? "") || a.id.localeCompare(b.id));
}

/** The contribution history of a dossier by quarter, from its calls and what payments settled. */
async function contributionHistory(affiliateId: string): Promise<ContributionQuarter[]> {
  const [calls, outstanding] = await Promise.all([
    prisma.contributionCall.findMany({
      where: { affiliateId, kind: { in: ["PROVISIONAL", "REGULARISATION"] }, quarter: { gte: 1, lte: 4 } },
      select: { id: true, kind: true, year: true, quarter: true, category: true, contributionCents: true },
    }),
    outstandingByCall(affiliateId),
  ]);
  // the main-occupation minimum of each year, from the figures staff may have corrected (LegalParameter)
  const minimumByYear = new Map<number, number>();
  for (const year of new Set(calls.map((c) => c.year))) minimumByYear.set(year, mainMinimumCents(await parametersOf(year)));
  const byQuarter = new Map<string, ContributionQuarter>();
  for (const c of calls) {
    const key = `${c.year}-${c.quarter}`;
    const paid = (outstanding.get(c.id) ?? 0) <= 0;
    const prev = byQuarter.get(key);
    const category = c.category ? toDomainCategory(c.category) : (prev?.category ?? null);
    let atLeast = prev?.atLeastMainMinimum ?? false;
    if (c.kind === "PROVISIONAL") atLeast = atLeast || c.contributionCents >= minimumByYear.get(c.year)!;
    byQuarter.set(key, {
      quarter: { year: c.year, quarter: c.quarter as 1 | 2 | 3 | 4 },
      category: prev?.category && c.kind === "REGULARISATION" ? prev.category : category,
      due: (prev?.due ?? false) || c.contributionCents > 0,
      paid: (prev?.paid ?? true) && paid,
      atLeastMainMinimum: atLeast,
    });
  }
  return [...byQuarter.values()];
}

/** The main-occupation minimum quarterly contribution of a year, or +∞ when the year's figures are unknown or missing. */
function mainMinimumCents(params: ParameterSet | null): number {
  if (!params) return Number.POSITIVE_INFINITY;
  try {
    return quarterlyContribution({ year: params.year, category: "main", annualIncomeCents: 0, managementFeeBp: 0 }, params).contributionCents;
  } catch (error) {
    if (error instanceof DomainError) return Number.POSITIVE_INFINITY;
    throw error;
  }
}

async function categoryOn(affiliateId: string, on: string): Promise<Category | null> {
  const period = await prisma.categoryPeriod.findFirst({
    where: { affiliation: { affiliateId }, fromOn: { lte: dbDate(on) }, OR: [{ toOn: null }, { toOn: { gte: dbDate(on) } }] },
    orderBy: { fromOn: "desc" },
    select: { category: true },
  });
  return period?.category ?? null;
}

async function monthsGrantedBefore(affiliateId: string, type: "BRIDGING_RIGHT" | "CAREGIVER_ALLOWANCE", exceptClaimId: string): Promise<number> {
  const others = await prisma.benefitClaim.findMany({
    where: { affiliateId, type, status: { in: ["GRANTED", "PAID"] }, id: { not: exceptClaimId } },
    select: { request: { select: { payload: true } } },
  });
  return others.reduce((s, o) => s + (grantOf(o.request?.payload)?.months ?? 0), 0);
}

async function parametersOf(year: number): Promise<ParameterSet | null> {
  try {
    return await loadParameters(prisma, year);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

export type BridgingPayload = { case?: string; eventOn?: string; familyCharge?: boolean; motivation?: string };
export type CaregiverPayload = { interruption?: string; startOn?: string; months?: number; careFor?: string; motivation?: string };

function firstOfMonth(iso: string, plusMonths: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + plusMonths;
  const yy = y + Math.floor(m / 12);
  return `${yy}-${String((m % 12) + 1).padStart(2, "0")}-01`;
}

type ClaimForCheck = { id: string; affiliateId: string; type: string; request: { payload: unknown } | null; affiliate: { person: { birthDate: Date } | null } };

/** The conditions check of a bridging-right or caregiver claim, from the dossier's calls, ledger, categories and person. */
async function checkClaim(c: ClaimForCheck, today: string): Promise<{ check: BenefitCheck; firstMonthOn: string; year: number } | null> {
  if (!c.request || !c.affiliate.person || (c.type !== "BRIDGING_RIGHT" && c.type !== "CAREGIVER_ALLOWANCE")) return null;
  const year = yearOf(today);
  const params = await parametersOf(year);
  const history = await contributionHistory(c.affiliateId);
  const missingCents = { unit: "cents" as const, value: null, source: "", status: "missing" as const };
  if (c.type === "BRIDGING_RIGHT") {
    const p = (c.request.payload ?? {}) as BridgingPayload;
    const eventOn = p.eventOn && isIsoDate(p.eventOn) ? p.eventOn : today;
    const check = checkBridgingRight({
      case: String(p.case ?? ""),
      eventOn,
      familyCharge: p.familyCharge === true,
      birthDate: isoDate(c.affiliate.person.birthDate),
      history,
      monthsAlreadyGranted: await monthsGrantedBefore(c.affiliateId, "BRIDGING_RIGHT", c.id),
      amounts: params?.benefits.bridgingRightMonthly ?? { withFamilyChargeCents: missingCents, withoutFamilyChargeCents: missingCents },
    });
    return { check, firstMonthOn: firstOfMonth(eventOn, 1), year };
  }
  const p = (c.request.payload ?? {}) as CaregiverPayload;
  const startOn = p.startOn && isIsoDate(p.startOn) ? p.startOn : today;
  const category = await categoryOn(c.affiliateId, startOn);
  const startQuarter = history.find((h) => h.quarter.year === yearOf(startOn) && h.quarter.quarter === Math.floor((Number(startOn.slice(5, 7)) - 1) / 3) + 1);
  const check = checkCaregiverAllowance({
    interruption: String(p.interruption ?? ""),
    startOn,
    months: typeof p.months === "number" ? p.months : 0,
    category: category ? toDomainCategory(category) : null,
    atLeastMainMinimum: startQuarter?.atLeastMainMinimum ?? false,
    history,
    monthsAlreadyGranted: await monthsGrantedBefore(c.affiliateId, "CAREGIVER_ALLOWANCE", c.id),
    amounts: params?.benefits.caregiverMonthly ?? { fullCents: missingCents, halfCents: missingCents },
  });
  return { check, firstMonthOn: firstOfMonth(startOn, 0), year };
}

export type StaffClaimView = ClaimIdentity & {
  paymentDueOn: string | null;
  monthlyAmountCents: number | null;
  request: { id: string; reference: string; status: string; payload: Record<string, unknown>; filedOn: string; decisionDueOn: string | null } | null;
  evidence: { id: string; fileName: string; createdAt: string }[];
  check: BenefitCheck | null;
  /** the parameter year the amounts come from */
  parameterYear: number;
  grant: Grant | null;
  entitlementCents: number | null;
  paidCents: number;
  interestCents: number;
  /** maternity aid: the vouchers count from the year's parameters (null when missing) */
  vouchers: number | null;
  nextInstalmentDueOn: string | null;
  canGrant: boolean;
  canPay: boolean;
  payments: { id: string; amountCents: number; interestCents: number; paidOn: string; dueOn: string; sentToHealthInsurerAt: string | null }[];
};

const claimInclude = {
  affiliate: { select: { ...dossierSelect, person: { select: { firstName: true, lastName: true, birthDate: true } } } },
  request: { select: { id: true, type: true, reference: true, status: true, payload: true, filedOn: true, decisionDueOn: true, documents: { where: { kind: "EVIDENCE" as const }, orderBy: { createdAt: "asc" as const }, select: { id: true, fileName: true, createdAt: true } } } },
  payments: { orderBy: [{ paidOn: "asc" as const }, { id: "asc" as const }] },
} satisfies Prisma.BenefitClaimInclude;

export async function getClaimForStaff(viewer: Viewer | null, claimId: string, today: string): Promise<StaffClaimView> {
  assertPermission(viewer, "request:decide");
  const c = await prisma.benefitClaim.findUnique({ where: { id: claimId }, include: claimInclude });
  if (!c) throw new NotFoundError("claim");
  const checked = c.status === "CLAIMED" ? await checkClaim(c, today) : null;
  const grant = grantOf(c.request?.payload);
  const paymentDueOn = c.paymentDueOn ? isoDate(c.paymentDueOn) : null;
  const params = c.type === "MATERNITY_AID" ? await parametersOf(yearOf(c.filedOn ? isoDate(c.filedOn) : today)) : null;
  const entitlementCents = grant && c.monthlyAmountCents !== null ? grant.months * c.monthlyAmountCents : null;
  const paidCents = c.payments.reduce((s, p) => s + p.amountCents, 0);
  const dueAt = (i: number) => (paymentDueOn ? (grant ? instalmentDueOn({ paymentDueOn, firstMonthOn: grant.firstMonthOn, index: i }) : paymentDueOn) : "");
  return {
    id: c.id,
    type: c.type,
    status: c.status,
    affiliateId: c.affiliateId,
    dossierName: dossierName(c.affiliate),
    memberNumber: c.affiliate.memberNumber,
    grantedAutomatically: c.grantedAutomatically,
    filedOn: c.filedOn ? isoDate(c.filedOn) : null,
    paymentDueOn,
    monthlyAmountCents: c.monthlyAmountCents,
    request: c.request
      ? { id: c.request.id, reference: c.request.reference, status: c.request.status, payload: (c.request.payload ?? {}) as Record<string, unknown>, filedOn: isoDate(c.request.filedOn), decisionDueOn: c.request.decisionDueOn ? isoDate(c.request.decisionDueOn) : null }
      : null,
    evidence: (c.request?.documents ?? []).map((d) => ({ id: d.id, fileName: d.fileName, createdAt: d.createdAt.toISOString() })),
    check: checked?.check ?? null,
    parameterYear: checked?.year ?? yearOf(today),
    grant,
    entitlementCents,
    paidCents,
    interestCents: c.payments.reduce((s, p) => s + p.interestCents, 0),
    vouchers: params?.benefits.maternityServiceVouchers.value ?? null,
    nextInstalmentDueOn: c.status === "GRANTED" && paymentDueOn ? dueAt(c.payments.length) : null,
    canGrant: checked !== null && checked.check.eligible && checked.check.monthlyAmountCents !== null && checked.check.months > 0,
    canPay: c.status === "GRANTED" && paymentDueOn !== null,
    payments: c.payments.map((p, i) => ({ id: p.id, amountCents: p.amountCents, interestCents: p.interestCents, paidOn: isoDate(p.paidOn), dueOn: dueAt(i), sentToHealthInsurerAt: p.sentToHealthInsurerAt?.toISOString() ?? null })),
  };
}

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
  if (c.status !== "CLAIMED" || !c.request) throw new BackofficeError("bnNotClaimed");
  if (c.request.status === "AWAITING_SECOND_APPROVAL") throw new BackofficeError("fourEyesPending");
  const path = pathToAccepted(c.request.type, c.request.status);
  if (!path) throw new BackofficeError("transitionNotAllowed");
  const checked = await checkClaim(c, today);
  if (!checked || !checked.check.eligible || checked.check.months === 0) throw new BackofficeError("bnNotEligible");
  if (checked.check.monthlyAmountCents === null) throw new BackofficeError("bnFigureMissing");
  const monthlyAmountCents = checked.check.monthlyAmountCents;
  const months = checked.check.months;
  const paymentDueOn = charterPaymentDueOn(today);
  const request = c.request;
  const grant: Grant = { months, monthlyAmountCents, grantedOn: today, firstMonthOn: checked.firstMonthOn };
  await prisma.$transaction(async (tx) => {
    const moved = await tx.benefitClaim.updateMany({ where: { id: c.id, status: "CLAIMED" }, data: { status: "GRANTED", monthlyAmountCents, paymentDueOn: dbDate(paymentDueOn) } });
    if (moved.count !== 1) throw new BackofficeError("concurrentChange");
    let from = request.status;
    for (const [i, state] of path.entries()) {
      const to = toDbStatus(state);
      const final = i === path.length - 1;
      const data: Prisma.RequestUncheckedUpdateManyInput = final
        ? { status: to, decidedAt: new Date(), decidedById: viewer.userId, decisionReasonCode: "benefit.granted", payload: { ...((request.payload ?? {}) as object), grant } }
        : { status: to };
      const r = await tx.request.updateMany({ where: { id: request.id, status: from }, data });
      if (r.count !== 1) throw new BackofficeError("concurrentChange");
      await tx.requestEvent.create({ data: { requestId: request.id, actorId: viewer.userId, fromStatus: from, toStatus: to, reason: final ? `benefit.granted — ${months} × ${monthlyAmountCents}` : "benefit.review" } });
      from = to;
    }
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "benefit.grant", entity: "BenefitClaim", entityId: c.id, details: { months, monthlyAmountCents, paymentDueOn } } });
  });
  const email = c.affiliate.person?.email;
  if (email) {
    const locale = c.affiliate.language;
    const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "bn_mail" }) as unknown as (k: string, v?: Record<string, string | number>) => string;
    const euros = new Intl.NumberFormat(locale === "nl" ? "nl-BE" : "fr-BE", { style: "currency", currency: "EUR" }).format(monthlyAmountCents / 100);
    const values = { reference: request.reference, type: c.type, months, amount: euros, dueOn: paymentDueOn };
    await sendEmail({ to: email, subject: t("grantedSubject", values), text: t("grantedText", values), template: "benefit.granted", affiliateId: c.affiliateId, uniqueKey: `benefit-granted:${c.id}` });
  }
  return { paymentDueOn, monthlyAmountCents, months };
}

/**
 * Records one payment of a granted claim. Interest (Charte art. 20) is computed when it is paid after its
 * instalment's due date, at the legal rate of the reference table; a missing rate refuses the payment. The claim
 * becomes PAID when its entitlement is fully paid (maternity aid: when the vouchers are delivered, amount 0).
 */
export async function recordBenefitPayment(
  viewer: Viewer | null,
  input: { claimId: string; amountCents: number; paidOn: string; /** payments on the claim when the form was shown */ recorded: number },
  today: string,
): Promise<{ interestCents: number; daysLate: number; claimPaid: boolean }> {
  assertPermission(viewer, "request:decide");
  if (!isIsoDate(input.paidOn) || compareDates(input.paidOn, today) > 0) throw new BackofficeError("bnPaidOnInvalid");
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < 0) throw new BackofficeError("bnAmountInvalid");
  return prisma.$transaction(async (tx) => {
    // one payment at a time per claim: the row lock serialises concurrent submissions
    await tx.$queryRaw`SELECT id FROM "BenefitClaim" WHERE id = ${input.claimId} FOR UPDATE`;
    const c = await tx.benefitClaim.findUnique({ where: { id: input.claimId }, include: { payments: { orderBy: [{ paidOn: "asc" }, { id: "asc" }] }, request: { select: { payload: true } } } });
    if (!c) throw new NotFoundError("claim");
    if (c.status !== "GRANTED" || !c.paymentDueOn) throw new BackofficeError("bnNotGranted");
    const paymentDueOn = isoDate(c.paymentDueOn);
    // the form says how many payments it saw: a resubmission (or a colleague's payment in between) is refused, while
    // two real payments of the same amount on the same day (two months at once) can each be recorded
    if (c.payments.length !== input.recorded) throw new BackofficeError("bnDuplicatePayment");
    let claimPaid: boolean;
    let dueOn = paymentDueOn;
    if (c.type === "MATERNITY_AID") {
      if (input.amountCents !== 0) throw new BackofficeError("bnVouchersNoAmount");
      claimPaid = true;
    } else {
      const grant = grantOf(c.request?.payload);
      if (!grant || c.monthlyAmountCents === null) throw new BackofficeError("bnNotGranted");
      if (input.amountCents === 0) throw new BackofficeError("bnAmountInvalid");
      const entitlement = grant.months * c.monthlyAmountCents;
      const paid = c.payments.reduce((s, p) => s + p.amountCents, 0);
      if (paid + input.amountCents > entitlement) throw new BackofficeError("bnOverpaid");
      claimPaid = paid + input.amountCents === entitlement;
      dueOn = instalmentDueOn({ paymentDueOn, firstMonthOn: grant.firstMonthOn, index: c.payments.length });
    }
    const years = new Map<number, ParameterSet | null>();
    for (let y = yearOf(dueOn); y <= yearOf(input.paidOn); y++) years.set(y, compareDates(input.paidOn, dueOn) > 0 ? await parametersOf(y) : null);
    let interest;
    try {
      interest = calculateBenefitInterest({
        amountCents: input.amountCents,
        dueOn,
        paidOn: input.paidOn,
        rateFor: (y) => years.get(y)?.benefits.legalInterestRateBp ?? { unit: "bp", value: null, source: "", status: "missing" },
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === "parameters.missing") throw new BackofficeError("bnInterestRateMissing");
      throw error;
    }
    const payment = await tx.benefitPayment.create({ data: { claimId: c.id, amountCents: input.amountCents, interestCents: interest.interestCents, paidOn: dbDate(input.paidOn) } });
    if (claimPaid) await tx.benefitClaim.update({ where: { id: c.id }, data: { status: "PAID" } });
    await tx.auditLog.create({
      data: { actorId: viewer.userId, action: "benefit.payment", entity: "BenefitClaim", entityId: c.id, details: { paymentId: payment.id, amountCents: input.amountCents, paidOn: input.paidOn, dueOn, daysLate: interest.daysLate, interestCents: interest.interestCents } },
    });
    return { interestCents: interest.interestCents, daysLate: interest.daysLate, claimPaid };
  });
}

/** "Data sent to the health insurer" for one payment: stamped once, audited. */
export async function markSentToHealthInsurer(viewer: Viewer | null, input: { paymentId: string }): Promise<{ changed: boolean; claimId: string }> {
  assertPermission(viewer, "request:decide");
  const p = await prisma.benefitPayment.findUnique({ where: { id: input.paymentId }, select: { id: true, claimId: true } });
  if (!p) throw new NotFoundError("payment");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.benefitPayment.updateMany({ where: { id: p.id, sentToHealthInsurerAt: null }, data: { sentToHealthInsurerAt: new Date() } });
    if (count === 1) await tx.auditLog.create({ data: { actorId: viewer.userId, action: "benefit.sentToHealthInsurer", entity: "BenefitPayment", entityId: p.id, details: { claimId: p.claimId } } });
    return { changed: count === 1, claimId: p.claimId };
  });
}

export type UnsentPayment = { id: string; claimId: string; type: string; dossierName: string; memberNumber: string; amountCents: number; interestCents: number; paidOn: string };

/** Payments whose data has not been sent to the health insurer yet, oldest first. */
export async function listPaymentsNotSent(viewer: Viewer | null): Promise<UnsentPayment[]> {
  assertPermission(viewer, "request:decide");
  const rows = await prisma.benefitPayment.findMany({
    where: { sentToHealthInsurerAt: null },
    orderBy: [{ paidOn: "asc" }, { id: "asc" }],
    take: 500,
    include: { claim: { select: { type: true, affiliate: { select: dossierSelect } } } },
  });
  return rows.map((p) => ({ id: p.id, claimId: p.claimId, type: p.claim.type, dossierName: dossierName(p.claim.affiliate), memberNumber: p.claim.affiliate.memberNumber, amountCents: p.amountCents, interestCents: p.interestCents, paidOn: isoDate(p.paidOn) }));
}
