import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import { DomainError, yearOf } from "@/lib/domain";
import { currentCategory } from "@/lib/dal/internal/dossier";
import { loadParameters } from "@/lib/dal/internal/reference-data";
import { contributionChange } from "@/lib/domain/contribution-change";
import { DB_TO_DOMAIN_CATEGORY } from "@/lib/db/enums";
import { type ContributionChangeSimulation, type ChangeRefusal } from "@/lib/dto/contributions";
import { findFund } from "@/lib/dal/internal/reference-data";

export async function simulate(affiliateId: string, today: string, estimatedIncomeCents: number): Promise<ContributionChangeSimulation | ChangeRefusal> {
  const year = yearOf(today);
  const category = await currentCategory(affiliateId, today);
  if (!category) return "noCategory";
  const [period, lastCall, fund] = await Promise.all([
    prisma.categoryPeriod.findFirst({
      where: { affiliation: { affiliateId, status: "ACTIVE" }, fromOn: { lte: dbDate(today) } },
      orderBy: { fromOn: "desc" },
      select: { primoStarterUntil: true },
    }),
    prisma.contributionCall.findFirst({
      where: { affiliateId, kind: "PROVISIONAL", year },
      orderBy: { quarter: "desc" },
      select: { totalCents: true },
    }),
    findFund(prisma),
  ]);
  if (!fund) throw new NotFoundError("fund");
  try {
    const params = await loadParameters(prisma, year);
    const change = contributionChange({
      params,
      category: DB_TO_DOMAIN_CATEGORY[category],
      primoStarter: !!period?.primoStarterUntil && period.primoStarterUntil >= dbDate(today),
      estimatedIncomeCents,
      managementFeeBp: fund.managementFeeBp,
      currentQuarterlyCents: lastCall?.totalCents ?? null,
    });
    return { ...change, year, category };
  } catch (error) {
    if (error instanceof DomainError && error.code.startsWith("parameters.")) return "parametersMissing";
    throw error;
  }
}
