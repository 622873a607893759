import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { DomainError, isIsoDate, quarterlyContribution, yearOf } from "@/lib/domain";
import { checkBridgingRight, type BenefitCheck, type ContributionQuarter } from "@/lib/domain/check-bridging-right";
import { checkCaregiverAllowance } from "@/lib/domain/check-caregiver-allowance";
import type { ParameterSet } from "@/lib/domain/parameters/types";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { loadParameters } from "@/lib/dal/internal/reference-data";
import type { Category, Prisma } from "@/lib/generated/prisma/client";
import { type Grant, type BridgingPayload, type CaregiverPayload, type ClaimIdentity } from "@/lib/dto/benefits";
import { toDomainCategory } from "@/lib/db/enums";

export function grantOf(payload: unknown): Grant | null {
  const g = (payload as { grant?: Grant } | null)?.grant;
  return g && typeof g.months === "number" ? g : null;
}


export function dossierName(a: { person: { firstName: string; lastName: string } | null; company: { name: string } | null }): string {
  return a.person ? `${a.person.lastName}, ${a.person.firstName}` : (a.company?.name ?? "");
}

/** The identity columns every claim screen shows: the claim, its dossier and its filing date. */
export function claimIdentity(c: {
  id: string;
  type: ClaimIdentity["type"];
  status: string;
  affiliateId: string;
  grantedAutomatically: boolean;
  filedOn: Date | null;
  affiliate: Parameters<typeof dossierName>[0] & { memberNumber: string };
}): ClaimIdentity {
  return {
    id: c.id,
    type: c.type,
    status: c.status,
    affiliateId: c.affiliateId,
    dossierName: dossierName(c.affiliate),
    memberNumber: c.affiliate.memberNumber,
    grantedAutomatically: c.grantedAutomatically,
    filedOn: c.filedOn ? isoDate(c.filedOn) : null,
  };
}

export const dossierSelect = { memberNumber: true, person: { select: { firstName: true, lastName: true } }, company: { select: { name: true } } } as const;

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

export async function parametersOf(year: number): Promise<ParameterSet | null> {
  try {
    return await loadParameters(prisma, year);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

function firstOfMonth(iso: string, plusMonths: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + plusMonths;
  const yy = y + Math.floor(m / 12);
  return `${yy}-${String((m % 12) + 1).padStart(2, "0")}-01`;
}

type ClaimForCheck = { id: string; affiliateId: string; type: string; request: { payload: unknown } | null; affiliate: { person: { birthDate: Date } | null } };

/** The conditions check of a bridging-right or caregiver claim, from the dossier's calls, ledger, categories and person. */
export async function checkClaim(c: ClaimForCheck, today: string): Promise<{ check: BenefitCheck; firstMonthOn: string; year: number } | null> {
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

export const claimInclude = {
  affiliate: { select: { ...dossierSelect, person: { select: { firstName: true, lastName: true, birthDate: true } } } },
  request: { select: { id: true, type: true, reference: true, status: true, payload: true, filedOn: true, decisionDueOn: true, documents: { where: { kind: "EVIDENCE" as const }, orderBy: { createdAt: "asc" as const }, select: { id: true, fileName: true, createdAt: true } } } },
  payments: { orderBy: [{ paidOn: "asc" as const }, { id: "asc" as const }] },
} satisfies Prisma.BenefitClaimInclude;
