import "server-only";
import { prisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError, PARAMETER_YEARS, quarterlyContribution, type QuarterlyContributionResult } from "@/lib/domain";
import { loadParameters } from "@/lib/jobs/parameters";
import { DB_TO_DOMAIN_CATEGORY } from "@/lib/self-service/contribution-change";

// The public contribution simulator (no sign-in: the viewer is accepted but not required — it reads only public
// reference data: the year's legal figures as corrected in LegalParameter and the fund's management fee).

export const SIMULATOR_CATEGORIES = Object.keys(DB_TO_DOMAIN_CATEGORY) as (keyof typeof DB_TO_DOMAIN_CATEGORY)[];
export const SIMULATOR_YEARS = [...PARAMETER_YEARS].sort((a, b) => b - a);

export type SimulatorResult = { ok: true; result: QuarterlyContributionResult; managementFeeBp: number } | { ok: false; code: "parametersMissing" | "invalidInput" };

export async function simulateContribution(
  _viewer: Viewer | null,
  input: { year: number; category: keyof typeof DB_TO_DOMAIN_CATEGORY; annualIncomeCents: number; primoStarter: boolean },
): Promise<SimulatorResult> {
  if (!SIMULATOR_YEARS.includes(input.year) || !SIMULATOR_CATEGORIES.includes(input.category) || !Number.isSafeInteger(input.annualIncomeCents) || input.annualIncomeCents < 0)
    return { ok: false, code: "invalidInput" };
  const fund = await prisma.fund.findUnique({ where: { id: 1 }, select: { managementFeeBp: true } });
  const managementFeeBp = fund?.managementFeeBp ?? 0;
  try {
    const params = await loadParameters(prisma, input.year);
    const result = quarterlyContribution(
      { year: input.year, category: DB_TO_DOMAIN_CATEGORY[input.category], annualIncomeCents: input.annualIncomeCents, primoStarter: input.primoStarter, managementFeeBp },
      params,
    );
    return { ok: true, result, managementFeeBp };
  } catch (error) {
    if (error instanceof DomainError && error.code.startsWith("parameters.")) return { ok: false, code: "parametersMissing" };
    throw error;
  }
}
