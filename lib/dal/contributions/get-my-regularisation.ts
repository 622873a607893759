import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { calculateRegularisation, DomainError, quarterEnd, quarterStart, yearOf, type QuarterNumber } from "@/lib/domain";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { loadParameters } from "@/lib/dal/internal/reference-data";
import { DB_TO_DOMAIN_CATEGORY } from "@/lib/db/enums";
import { type ForecastBasis, type PendingYear, type RegularisedYear, type MyRegularisation } from "@/lib/dto/contributions";
import { findFund } from "@/lib/dal/internal/reference-data";
import { refundsOf } from "@/lib/dal/internal/refund-set-off";

type Json = Record<string, unknown>;

const asJson = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});

const cents = (v: unknown): number | null => (typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : null);

/** The regularisation status of the caller's own dossier: pending years (newest first) then the last regularised year. */
export async function getMyRegularisation(viewer: Viewer | null, today: string): Promise<MyRegularisation> {
  const affiliateId = ownAffiliateId(viewer);
  const affiliate = await prisma.affiliate.findUnique({ where: { id: affiliateId }, select: { kind: true, personId: true } });
  if (!affiliate) throw new NotFoundError("affiliate");
  if (affiliate.kind !== "PERSON") return { applicable: false, years: [] };

  const [calls, refundEntries, incomes, requests, periods, fund, refunds] = await Promise.all([
    prisma.contributionCall.findMany({
      where: { affiliateId, kind: { in: ["PROVISIONAL", "REGULARISATION"] } },
      select: { id: true, kind: true, year: true, quarter: true, category: true, contributionCents: true, totalCents: true, incomeBaseCents: true, issuedOn: true, dueOn: true },
      orderBy: [{ year: "asc" }, { quarter: "asc" }],
    }),
    prisma.ledgerEntry.findMany({
      // the refund side of a regularisation: a credit (ADJUSTMENT) and, once paid out, a REFUND entry
      where: { affiliateId, kind: { in: ["ADJUSTMENT", "REFUND"] }, reasonCode: { in: ["regularisation.refund", "regularisation.credit"] } },
      select: { kind: true, amountCents: true, bookedOn: true, reasonParams: true },
      orderBy: { bookedOn: "asc" },
    }),
    affiliate.personId ? prisma.incomeRecord.findMany({ where: { personId: affiliate.personId } }) : Promise.resolve([]),
    prisma.request.findMany({
      where: { affiliateId, type: { in: ["REDUCTION", "INCREASE"] }, status: "ACCEPTED" },
      select: { reference: true, type: true, payload: true, decidedAt: true, filedOn: true },
      orderBy: [{ filedOn: "desc" }, { createdAt: "desc" }],
    }),
    prisma.categoryPeriod.findMany({ where: { affiliation: { affiliateId }, primoStarterUntil: { not: null } }, select: { fromOn: true, primoStarterUntil: true } }),
    findFund(prisma),
    refundsOf(prisma, affiliateId),
  ]);

  const incomeByYear = new Map(incomes.map((i) => [i.year, i]));
  const regularised = new Map<number, RegularisedYear>();
  const outstanding = calls.some((c) => c.kind === "REGULARISATION") ? await outstandingByCall(affiliateId) : new Map<string, number>();
  for (const c of calls.filter((x) => x.kind === "REGULARISATION")) {
    regularised.set(c.year, {
      state: "regularised",
      year: c.year,
      outcome: "supplement",
      callId: c.id,
      incomeCents: c.incomeBaseCents === null ? null : Number(c.incomeBaseCents),
      totalCents: c.totalCents,
      outstandingCents: outstanding.get(c.id) ?? 0,
      issuedOn: isoDate(c.issuedOn),
      dueOn: isoDate(c.dueOn),
    });
  }
  for (const e of refundEntries.filter((x) => x.kind === "ADJUSTMENT")) {
    const year = Number(asJson(e.reasonParams).year);
    if (!Number.isInteger(year) || regularised.has(year)) continue;
    const paidOut = refundEntries.find((x) => x.kind === "REFUND" && Number(asJson(x.reasonParams).year) === year);
    const story = refunds.find((s) => s.year === year);
    const income = incomeByYear.get(year);
    regularised.set(year, {
      state: "regularised",
      year,
      outcome: "refund",
      incomeCents: income ? Number(income.incomeCents) : null,
      refundCents: -e.amountCents,
      bookedOn: isoDate(e.bookedOn),
      paidOutOn: paidOut ? isoDate(paidOut.bookedOn) : null,
      // the part that first settled overdue debts (set-off), and what is still to be paid out
      setOffCents: story?.setOffCents ?? 0,
      toPayOutCents: story?.toPayOutCents ?? -e.amountCents,
    });
  }

  const thisYear = yearOf(today);
  const provisionalYears = [...new Set(calls.filter((c) => c.kind === "PROVISIONAL" && c.quarter >= 1 && c.quarter <= 4).map((c) => c.year))];
  const pending: PendingYear[] = [];
  for (const year of provisionalYears.filter((y) => !regularised.has(y)).sort((a, b) => b - a)) {
    const provisional = calls.filter((c) => c.kind === "PROVISIONAL" && c.year === year && c.quarter >= 1 && c.quarter <= 4);
    const income = incomeByYear.get(year);
    const status: PendingYear["status"] = year >= thisYear ? "in-progress" : income?.source === "tax-authority" ? "income-received" : "waiting-income";
    const entry: PendingYear = {
      state: "pending",
      year,
      status,
      expectedFromYear: year + 2,
      provisionalCents: provisional.reduce((s, c) => s + c.contributionCents, 0),
      quartersCalled: provisional.length,
      forecast: null,
      noForecastReason: null,
    };
    // the income the forecast assumes: the tax authority's, else the latest accepted reduction/increase, else a declared one
    let basis: ForecastBasis | null = null;
    if (income?.source === "tax-authority") basis = { source: "tax-authority", incomeCents: Number(income.incomeCents) };
    if (!basis) {
      for (const r of requests) {
        const p = asJson(r.payload);
        const estimated = cents(p.estimatedIncomeCents);
        if (Number(p.year) === year && estimated !== null) {
          basis = { source: "request", incomeCents: estimated, reference: r.reference, type: r.type as "REDUCTION" | "INCREASE" };
          break;
        }
      }
    }
    if (!basis && income) basis = { source: "declared", incomeCents: Number(income.incomeCents) };
    const last = provisional[provisional.length - 1];
    if (!basis) entry.noForecastReason = "noIncome";
    else if (!last.category || !fund) entry.noForecastReason = "noCategory";
    else {
      const primo = (q: number) => {
        const start = quarterStart({ year, quarter: q as QuarterNumber });
        const end = quarterEnd({ year, quarter: q as QuarterNumber });
        return periods.some((p) => isoDate(p.fromOn) <= end && isoDate(p.primoStarterUntil as Date) >= start);
      };
      try {
        const params = await loadParameters(prisma, year);
        const result = calculateRegularisation(
          {
            year,
            category: DB_TO_DOMAIN_CATEGORY[last.category],
            realIncomeCents: basis.incomeCents,
            notifiedOn: today,
            managementFeeBp: fund.managementFeeBp,
            quarters: provisional.map((c) => ({ quarter: c.quarter as QuarterNumber, provisionalCents: c.contributionCents, primoStarter: primo(c.quarter) })),
          },
          params,
        );
        entry.forecast = {
          basis,
          definitiveCents: result.quarters.reduce((s, q) => s + q.definitiveCents, 0),
          netCents: result.netCents,
          kind: result.netCents > 0 ? "supplement" : result.netCents < 0 ? "refund" : "none",
        };
      } catch (error) {
        if (error instanceof DomainError && error.code.startsWith("parameters.")) entry.noForecastReason = "parametersMissing";
        else throw error;
      }
    }
    pending.push(entry);
  }
  const lastRegularised = [...regularised.values()].sort((a, b) => b.year - a.year)[0];
  return { applicable: true, years: lastRegularised ? [...pending, lastRegularised] : pending };
}
