import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import type { Category } from "@/lib/generated/prisma/enums";

export async function currentCategory(affiliateId: string, today: string): Promise<Category | null> {
  const period = await prisma.categoryPeriod.findFirst({
    where: {
      affiliation: { affiliateId, status: "ACTIVE" },
      fromOn: { lte: dbDate(today) },
      OR: [{ toOn: null }, { toOn: { gte: dbDate(today) } }],
    },
    orderBy: { fromOn: "desc" },
    select: { category: true },
  });
  return period?.category ?? null;
}
