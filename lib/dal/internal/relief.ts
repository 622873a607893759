import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { type Viewer } from "@/lib/auth/viewer";
import { quarterIndex, quarterlyContribution, quarterOf, yearOf } from "@/lib/domain";
import { type ExemptionCall } from "@/lib/domain/check-exemption-eligibility";
import { currentCategory } from "@/lib/dal/internal/dossier";
import { fileSubmittedRequest } from "@/lib/dal/internal/requests-filing";
import { loadParameters } from "@/lib/dal/internal/reference-data";
import { DB_TO_DOMAIN_CATEGORY } from "@/lib/db/enums";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { type ReliefCall, type ReliefFiled, type ReliefRefusal } from "@/lib/dto/requests";
import { PENDING_REQUEST_STATUSES } from "@/lib/db/enums";
import { findFund } from "@/lib/dal/internal/reference-data";
import { invalid, refused } from "@/lib/errors";

// Exemption (dispense, §1.12) and surcharge waiver (§1.14): both decided by INASTI, asked through the fund. The
// affiliate picks the calls concerned among their own; the domain rules say which calls (and whether the person)
// may be asked for; the request is filed SUBMITTED for the dossier's advisor, who forwards it to INASTI.

/** Statuses in which a request still covers its calls (a second request for the same call is refused). */

/** Every call of the dossier with what its principal (contribution + fees) and surcharges still owe. */
export async function reliefCalls(affiliateId: string): Promise<ReliefCall[]> {
  const rows = await prisma.$queryRaw<
    { id: string; kind: ReliefCall["kind"]; year: number; quarter: number; issuedOn: Date; dueOn: Date; p: bigint; po: bigint; s: bigint; so: bigint }[]
  >`
    WITH alloc AS (
      SELECT pa."targetEntryId" AS id, SUM(pa."amountCents")::bigint AS allocated
      FROM "PaymentAllocation" pa JOIN "LedgerEntry" t ON t.id = pa."targetEntryId"
      WHERE t."affiliateId" = ${affiliateId} GROUP BY 1
    )
    SELECT c.id, c.kind::text AS kind, c.year, c.quarter, c."issuedOn", c."dueOn",
      COALESCE(SUM(e."amountCents") FILTER (WHERE e.kind IN ('CALL', 'FEE')), 0)::bigint AS p,
      COALESCE(SUM(e."amountCents" - COALESCE(a.allocated, 0)) FILTER (WHERE e.kind IN ('CALL', 'FEE')), 0)::bigint AS po,
      COALESCE(SUM(e."amountCents") FILTER (WHERE e.kind = 'SURCHARGE'), 0)::bigint AS s,
      COALESCE(SUM(e."amountCents" - COALESCE(a.allocated, 0)) FILTER (WHERE e.kind = 'SURCHARGE'), 0)::bigint AS so
    FROM "ContributionCall" c
    LEFT JOIN "LedgerEntry" e ON e."callId" = c.id AND e."amountCents" > 0
    LEFT JOIN alloc a ON a.id = e.id
    WHERE c."affiliateId" = ${affiliateId}
    GROUP BY c.id
    ORDER BY c.year, c.quarter, c.kind`;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    year: r.year,
    quarter: r.quarter,
    issuedOn: isoDate(r.issuedOn),
    dueOn: isoDate(r.dueOn),
    principalCents: Number(r.p),
    principalOutstandingCents: Number(r.po),
    surchargeCents: Number(r.s),
    surchargeOutstandingCents: Number(r.so),
  }));
}

/** A call already asked for: covered by a request still pending, or already granted by INASTI (its surcharges stay
 *  on the call as debits, cancelled by a credit — asking again would only be refused; a refusal may be asked again). */
const COVERING_STATUSES: RequestStatus[] = [...PENDING_REQUEST_STATUSES, "ACCEPTED"];

export async function pendingCallIds(affiliateId: string, type: "EXEMPTION" | "SURCHARGE_WAIVER", db: Pick<typeof prisma, "request"> = prisma): Promise<string[]> {
  const rows = await db.request.findMany({ where: { affiliateId, type, status: { in: COVERING_STATUSES } }, select: { payload: true } });
  return rows.flatMap((r) => {
    const ids = (r.payload as { callIds?: unknown } | null)?.callIds;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : [];
  });
}

/** Quarters spent in main occupation up to today's quarter (each category period counted by its quarters). */
async function mainQuarters(affiliateId: string, today: string): Promise<number> {
  const periods = await prisma.categoryPeriod.findMany({
    where: { affiliation: { affiliateId }, category: "MAIN", fromOn: { lte: dbDate(today) } },
    select: { fromOn: true, toOn: true },
  });
  const seen = new Set<number>();
  for (const p of periods) {
    const from = quarterIndex(quarterOf(isoDate(p.fromOn)));
    const end = p.toOn && isoDate(p.toOn) < today ? isoDate(p.toOn) : today;
    for (let q = from; q <= quarterIndex(quarterOf(end)); q++) seen.add(q);
  }
  return seen.size;
}

/** Art. 37 / students: do their provisional contributions reach the main-occupation minimum this year? */
async function paysMainLevel(affiliateId: string, today: string): Promise<boolean> {
  const year = yearOf(today);
  const [last, fund] = await Promise.all([
    prisma.contributionCall.findFirst({ where: { affiliateId, kind: "PROVISIONAL", year }, orderBy: { quarter: "desc" }, select: { contributionCents: true } }),
    findFund(prisma),
  ]);
  if (!last || !fund) return false;
  try {
    const params = await loadParameters(prisma, year);
    const minimum = quarterlyContribution({ year, category: "main", annualIncomeCents: 0, managementFeeBp: fund.managementFeeBp }, params);
    return last.contributionCents >= minimum.contributionCents;
  } catch {
    return false; // the year's figures are not known: the fund cannot tell, the advisor will
  }
}

const DOMAIN_KIND = { PROVISIONAL: "provisional", REGULARISATION: "regularisation", COMPANY: "company" } as const;

export function exemptionCall(c: ReliefCall): ExemptionCall {
  return { id: c.id, kind: DOMAIN_KIND[c.kind], quarter: { year: c.year, quarter: Math.min(4, Math.max(1, c.quarter)) as 1 | 2 | 3 | 4 }, issuedOn: c.issuedOn, principalOutstandingCents: c.principalOutstandingCents };
}

export async function exemptionContext(affiliateId: string, today: string) {
  const category = await currentCategory(affiliateId, today);
  const domainCategory = category ? DB_TO_DOMAIN_CATEGORY[category] : null;
  const [calls, pending, quarters, mainLevel] = await Promise.all([
    reliefCalls(affiliateId),
    pendingCallIds(affiliateId, "EXEMPTION"),
    mainQuarters(affiliateId, today),
    domainCategory === "art37" || domainCategory === "student" ? paysMainLevel(affiliateId, today) : Promise.resolve(false),
  ]);
  return { calls, ctx: { today, category: domainCategory, mainQuarters: quarters, paysMainLevel: mainLevel, pendingCallIds: pending } };
}

export async function fileRelief(
  viewer: Viewer,
  affiliateId: string,
  today: string,
  type: "EXEMPTION" | "SURCHARGE_WAIVER",
  payload: { callIds: string[] } & Record<string, unknown>,
  evidence: readonly EvidenceUpload[],
): Promise<ReliefFiled> {
  const filed = await fileSubmittedRequest(viewer, affiliateId, today, {
    type,
    payload,
    evidence,
    // checked again inside the serializable transaction: two concurrent requests for one call cannot both pass
    isDuplicate: async (tx) => {
      const pending = await pendingCallIds(affiliateId, type, tx);
      return payload.callIds.some((id) => pending.includes(id));
    },
  });
  if (!filed) throw ineligible(type === "EXEMPTION" ? "exemption" : "waiver", [], Object.fromEntries(payload.callIds.map((id) => [id, ["already-requested"]])));
  return filed;
}

/** The refusal of a relief request before filing: the person's first refusal as the message ("exemption-…",
 *  "waiver-…"), or the calls field when only calls are refused; the details name every refusal. */
export function ineligible(prefix: "exemption" | "waiver", refusals: ReliefRefusal["refusals"], callRefusals: ReliefRefusal["callRefusals"]) {
  const details: ReliefRefusal = { refusals, callRefusals };
  return refusals.length > 0 ? refused(`${prefix}-${refusals[0]}`, details) : invalid({ callIds: ["callIneligible"] }, details);
}
