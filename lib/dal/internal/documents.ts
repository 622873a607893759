import "server-only";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { type Holder } from "@/lib/dto/documents";
import { holdersOf } from "@/lib/dal/internal/tax-certificate";

/** The holder block of a certificate: the recipient, the identifier (national or enterprise number), the member number. */
export async function holderOf(affiliateId: string): Promise<Holder> {
  const holder = (await holdersOf(prisma, [affiliateId])).get(affiliateId);
  if (!holder) throw new NotFoundError("affiliate");
  return holder;
}
