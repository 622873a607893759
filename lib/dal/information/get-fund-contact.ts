import "server-only";
import { prisma } from "@/lib/db/client";
import { findFund } from "@/lib/dal/internal/reference-data";
import { fundContactOf } from "@/lib/dal/internal/fund-contact";
import { NotFoundError } from "@/lib/errors";
import type { FundContact } from "@/lib/dto/information";

/** The fund's public contact details (contact page, privacy notice, accessibility statement): public, no viewer. */
export async function getFundContact(): Promise<FundContact> {
  const fund = await findFund(prisma);
  if (!fund) throw new NotFoundError("fund");
  return fundContactOf(fund);
}
