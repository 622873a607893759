import "server-only";
import { prisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError, quarterlyContribution } from "@/lib/domain";
import { loadParameters } from "@/lib/dal/internal/reference-data";
import { DB_TO_DOMAIN_CATEGORY } from "@/lib/db/enums";
import { SIMULATOR_CATEGORIES, SIMULATOR_YEARS, type SimulatorResult } from "@/lib/dto/contributions";
import { findFund } from "@/lib/dal/internal/reference-data";

export async function simulateContribution(
  _viewer: Viewer | null,
  input: { year: number; category: keyof typeof DB_TO_DOMAIN_CATEGORY; annualIncomeCents: number; primoStarter: boolean },
): Promise<SimulatorResult> {
  if (!SIMULATOR_YEARS.includes(input.year) || !SIMULATOR_CATEGORIES.includes(input.category) || !Number.isSafeInteger(input.annualIncomeCents) || input.annualIncomeCents < 0)
    return { ok: false, code: "invalidInput" };
  const fund = await findFund(prisma);
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
