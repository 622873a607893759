// Reads the recorded events for the indicator computations (no authorization here: callers are the DAL, which
// checks the viewer, and the refresh job/bench). Dates are converted to Brussels dates before the pure functions.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { todayInBrussels, isoDate } from "@/lib/clock";
import { isIsoDate } from "@/lib/domain";
import type { BenefitRecord, RequestRecord, RequestStatusName } from "@/lib/kpi/compute-requests";
import type { CallCollectionRecord, CategorySpan, RecoveryDebtor, RecoveryStepName } from "@/lib/kpi/compute";
import type { TransmissionRecord } from "@/lib/kpi/compute-transmissions";
import { OPEN_REQUEST_STATUSES } from "@/lib/db/enums";

export const brusselsDate = (d: Date): string => todayInBrussels(d, "");

/** SQL for an affiliate's current category ('COMPANY' for companies, '' when unknown). */
export const CATEGORY_SQL = (affiliateCol: string) => `coalesce((
  select cp.category::text from "Affiliation" af join "CategoryPeriod" cp on cp."affiliationId" = af.id
  where af."affiliateId" = ${affiliateCol} order by cp."fromOn" desc limit 1),
  (select case when a2.kind = 'COMPANY' then 'COMPANY' else '' end from "Affiliate" a2 where a2.id = ${affiliateCol}), '')`;

/** SQL for an affiliate's category periods, oldest first, as a JSON array of { category, fromOn, toOn } (dates 'YYYY-MM-DD'). */
export const PERIODS_SQL = (affiliateCol: string) => `(
  select coalesce(json_agg(json_build_object('category', cp.category, 'fromOn', cp."fromOn", 'toOn', cp."toOn") order by cp."fromOn"), '[]'::json)
    from "Affiliation" af join "CategoryPeriod" cp on cp."affiliationId" = af.id where af."affiliateId" = ${affiliateCol})`;

type PeriodsJson = { category: string; fromOn: string; toOn: string | null }[] | null;
const spans = (p: PeriodsJson): CategorySpan[] => (p ?? []).map((x) => ({ category: x.category, fromOn: x.fromOn.slice(0, 10), toOn: x.toOn ? x.toOn.slice(0, 10) : null }));

export type RequestScope = { since?: Date | null; from?: string; to?: string; category?: string; advisorId?: string; requestType?: string; ids?: string[] };


/**
 * Requests that can contribute to a bucket on or after `activeFrom`: still open (a deadline may pass) or changed
 * since then (a handled request is bucketed on or before its last change).
 */
export async function loadRequests(prisma: PrismaClient, scope: { activeFrom?: string; filedTo?: string; requestType?: string; advisorId?: string; ids?: string[] } = {}): Promise<RequestRecord[]> {
  const where: string[] = [`r.status <> 'DRAFT'`];
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  if (scope.activeFrom) where.push(`(r."updatedAt" >= ${p(scope.activeFrom)}::date - interval '1 day' or r."filedOn" >= $${params.length}::date or r.status::text = any(${p(OPEN_REQUEST_STATUSES)}::text[]))`);
  if (scope.filedTo) where.push(`r."filedOn" <= ${p(scope.filedTo)}::date`);
  if (scope.requestType) where.push(`r.type::text = ${p(scope.requestType)}`);
  if (scope.advisorId) where.push(`r."assigneeId" = ${p(scope.advisorId)}`);
  if (scope.ids) where.push(`r.id = any(${p(scope.ids)}::text[])`);
  const rows = await prisma.$queryRawUnsafe<{
    id: string; reference: string; type: string; status: RequestStatusName; affiliateId: string | null; category: string | null; assigneeId: string | null;
    filedOn: Date; informationDueOn: Date | null; decisionDueOn: Date | null; pausedDays: number; decidedAt: Date | null; periods: PeriodsJson;
  }[]>(
    `select r.id, r.reference, r.type::text as type, r.status::text as status, r."affiliateId", r."assigneeId",
            r."filedOn", r."informationDueOn", r."decisionDueOn", r."pausedDays", r."decidedAt",
            case when r."affiliateId" is null then '' else ${CATEGORY_SQL('r."affiliateId"')} end as category,
            case when r."affiliateId" is not null then ${PERIODS_SQL('r."affiliateId"')} end as periods
       from "Request" r where ${where.join(" and ")}`,
    ...params,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [events, answers] = await Promise.all([
    prisma.$queryRawUnsafe<{ requestId: string; at: Date; fromStatus: RequestStatusName | null; toStatus: RequestStatusName }[]>(
      `select e."requestId", e.at, e."fromStatus"::text as "fromStatus", e."toStatus"::text as "toStatus"
         from "RequestEvent" e where e."requestId" = any($1::text[]) order by e."requestId", e.at, e.id`, ids),
    // the first answer written by staff (a request for information is not an answer); a request with a thread is
    // answered by that message only, never by being closed
    prisma.$queryRawUnsafe<{ requestId: string; at: Date | null }[]>(
      `select t."requestId", min(m."createdAt") filter (where u.role <> 'AFFILIATE' and m.kind = 'MESSAGE') as at
         from "MessageThread" t join "Message" m on m."threadId" = t.id join "User" u on u.id = m."authorId"
        where t."requestId" = any($1::text[]) group by t."requestId"`, ids),
  ]);
  const byRequest = new Map<string, RequestRecord["events"]>();
  for (const e of events) {
    const list = byRequest.get(e.requestId) ?? [];
    list.push({ on: brusselsDate(e.at), fromStatus: e.fromStatus, toStatus: e.toStatus });
    byRequest.set(e.requestId, list);
  }
  const answered = new Map(answers.map((a) => [a.requestId, a.at && brusselsDate(a.at)]));
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    type: r.type,
    status: r.status,
    affiliateId: r.affiliateId,
    category: r.category ?? "",
    categoryPeriods: spans(r.periods),
    assigneeId: r.assigneeId,
    filedOn: isoDate(r.filedOn),
    informationDueOn: r.informationDueOn && isoDate(r.informationDueOn),
    decisionDueOn: r.decisionDueOn && isoDate(r.decisionDueOn),
    pausedDays: r.pausedDays,
    decidedOn: r.decidedAt && brusselsDate(r.decidedAt),
    firstStaffAnswerOn: answered.get(r.id) ?? null,
    hasThread: answered.has(r.id),
    events: byRequest.get(r.id) ?? [],
  }));
}

export async function loadBenefits(prisma: PrismaClient, scope: { advisorId?: string } = {}): Promise<BenefitRecord[]> {
  const rows = await prisma.$queryRawUnsafe<{
    id: string; affiliateId: string; memberNumber: string; advisorId: string | null; type: string; status: BenefitRecord["status"]; grantedAutomatically: boolean;
    filedOn: Date | null; createdAt: Date; paymentDueOn: Date | null; firstMonthOn: string | null; category: string; periods: PeriodsJson;
  }[]>(
    `select b.id, b."affiliateId", a."memberNumber", a."advisorId", b.type::text as type, b.status::text as status, b."grantedAutomatically",
            b."filedOn", b."createdAt", b."paymentDueOn", ${CATEGORY_SQL('b."affiliateId"')} as category,
            (select rq.payload->'grant'->>'firstMonthOn' from "Request" rq where rq.id = b."requestId") as "firstMonthOn",
            ${PERIODS_SQL('b."affiliateId"')} as periods
       from "BenefitClaim" b join "Affiliate" a on a.id = b."affiliateId" ${scope.advisorId ? `where a."advisorId" = $1` : ""}`,
    ...(scope.advisorId ? [scope.advisorId] : []),
  );
  const payments = rows.length
    ? await prisma.benefitPayment.findMany({ where: { claimId: { in: rows.map((r) => r.id) } }, select: { claimId: true, paidOn: true, interestCents: true } })
    : [];
  const byClaim = new Map<string, BenefitRecord["payments"]>();
  for (const p of payments) byClaim.set(p.claimId, [...(byClaim.get(p.claimId) ?? []), { paidOn: isoDate(p.paidOn), interestCents: p.interestCents }]);
  return rows.map((r) => ({
    id: r.id, reference: r.memberNumber, affiliateId: r.affiliateId, category: r.category, categoryPeriods: spans(r.periods), advisorId: r.advisorId ?? "", type: r.type, status: r.status,
    grantedAutomatically: r.grantedAutomatically, filedOn: r.filedOn && isoDate(r.filedOn), createdOn: brusselsDate(r.createdAt),
    paymentDueOn: r.paymentDueOn && isoDate(r.paymentDueOn), firstMonthOn: r.firstMonthOn && isIsoDate(r.firstMonthOn) ? r.firstMonthOn : null, payments: byClaim.get(r.id) ?? [],
  }));
}

export async function loadRecoveryDebtors(prisma: PrismaClient, scope: { advisorId?: string } = {}): Promise<RecoveryDebtor[]> {
  const rows = await prisma.$queryRawUnsafe<{ caseId: string; affiliateId: string; memberNumber: string; advisorId: string | null; category: string; periods: PeriodsJson; kind: RecoveryStepName | null; on: Date | null }[]>(
    `with debtors as materialized (
       select x."affiliateId", ${CATEGORY_SQL('x."affiliateId"')} as category, ${PERIODS_SQL('x."affiliateId"')} as periods from (
         select distinct c."affiliateId" from "RecoveryCase" c join "RecoveryStep" s on s."caseId" = c.id
          where s.kind in ('BAILIFF','LAWYER','HEARING','JUDGMENT')) x)
     select c.id as "caseId", c."affiliateId", a."memberNumber", a."advisorId", d.category, d.periods, s.kind::text as kind, s."on"
       from debtors d join "RecoveryCase" c on c."affiliateId" = d."affiliateId" join "Affiliate" a on a.id = c."affiliateId"
       left join "RecoveryStep" s on s."caseId" = c.id ${scope.advisorId ? `where a."advisorId" = $1` : ""}
      order by c."affiliateId", c.id, s."on", s.id`,
    ...(scope.advisorId ? [scope.advisorId] : []),
  );
  const debtors = new Map<string, RecoveryDebtor>();
  for (const r of rows) {
    const d = debtors.get(r.affiliateId) ?? { affiliateId: r.affiliateId, reference: r.memberNumber, category: r.category, categoryPeriods: spans(r.periods), advisorId: r.advisorId ?? "", cases: [] };
    let c = d.cases.find((x) => x.id === r.caseId);
    if (!c) { c = { id: r.caseId, steps: [] }; d.cases.push(c); }
    if (r.kind && r.on) c.steps.push({ kind: r.kind, on: isoDate(r.on) });
    debtors.set(r.affiliateId, d);
  }
  return [...debtors.values()];
}

/** Per call: what was called (its CALL, FEE and SURCHARGE debits) and what is settled: called less what is still
 *  owed ("LedgerOwed", the one definition — a payment the bank returned reopens the debt, so it is owed again
 *  without being called twice). called − settled is always the amount owed every other screen shows. */
export const CALL_COLLECTION_SQL = `
  select c.id, c."affiliateId", c."structuredCommunication" as reference, coalesce(c.category::text, 'COMPANY') as category, c."dueOn", c."issuedOn", c.kind::text as kind,
         coalesce(d.called, 0)::bigint as called, greatest(coalesce(d.called, 0) - coalesce(d.owed, 0), 0)::bigint as settled
    from "ContributionCall" c
    left join lateral (select sum(o."amountCents") filter (where o.kind <> 'ADJUSTMENT') as called, sum(o."owedCents") as owed
                         from "LedgerOwed" o where o."callId" = c.id) d on true`;

export async function loadCallCollections(prisma: PrismaClient, scope: { dueFrom: string; dueTo: string; category?: string; limitOutstanding?: number }): Promise<CallCollectionRecord[]> {
  const rows = await prisma.$queryRawUnsafe<{ id: string; affiliateId: string; reference: string; category: string; dueOn: Date; called: bigint; settled: bigint }[]>(
    `select * from (${CALL_COLLECTION_SQL} where c."dueOn" between $1::date and $2::date ${scope.category ? `and coalesce(c.category::text, 'COMPANY') = $3` : ""}) x
      ${scope.limitOutstanding ? `where x.called > x.settled order by x.called - x.settled desc limit ${Math.floor(scope.limitOutstanding)}` : ""}`,
    scope.dueFrom, scope.dueTo, ...(scope.category ? [scope.category] : []),
  );
  return rows.map((r) => ({ id: r.id, reference: r.reference, affiliateId: r.affiliateId, category: r.category, dueOn: isoDate(r.dueOn), calledCents: Number(r.called), settledCents: Number(r.settled) }));
}

/**
 * The calls past due with something left to settle, from KpiOpenCall (as of the last refresh, like the dashboard's
 * numbers): largest debt first, at most `limit`. The collection_rate and debt_over_1y drill-downs list these.
 */
export async function loadOpenCalls(prisma: PrismaClient, scope: { dueFrom: string; dueTo: string; category?: string; limit: number }): Promise<CallCollectionRecord[]> {
  const rows = await prisma.$queryRawUnsafe<{ callId: string; affiliateId: string; reference: string; category: string; dueOn: Date; calledCents: bigint; settledCents: bigint }[]>(
    `select "callId", "affiliateId", reference, category, "dueOn", "calledCents", "settledCents" from "KpiOpenCall"
      where "dueOn" between $1::date and $2::date ${scope.category ? `and category = $3` : ""}
      order by "outstandingCents" desc, "callId" limit ${Math.floor(scope.limit)}`,
    scope.dueFrom, scope.dueTo, ...(scope.category ? [scope.category] : []),
  );
  return rows.map((r) => ({ id: r.callId, reference: r.reference, affiliateId: r.affiliateId, category: r.category, dueOn: isoDate(r.dueOn), calledCents: Number(r.calledCents), settledCents: Number(r.settledCents) }));
}

/** The files owed to the mutuality and INASTI (a small table, read in full). */
export async function loadTransmissions(prisma: PrismaClient): Promise<TransmissionRecord[]> {
  const rows = await prisma.transmission.findMany({ select: { id: true, kind: true, fileName: true, dueOn: true, sentOn: true } });
  return rows.map((t) => ({ id: t.id, kind: t.kind, fileName: t.fileName, dueOn: isoDate(t.dueOn), sentOn: t.sentOn && isoDate(t.sentOn) }));
}
