import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { yearOf } from "@/lib/domain";
import { taxCertificatesOf } from "@/lib/dal/internal/tax-certificate";
import { type TaxCertificate } from "@/lib/dto/documents";

/** Contributions paid in `year` (value date), split into contributions, management fees and surcharges. */
export async function getMyTaxCertificate(viewer: Viewer | null, year: number, today: string): Promise<TaxCertificate> {
  const affiliateId = ownAffiliateId(viewer);
  if (!Number.isInteger(year) || year < 2000 || year > yearOf(today)) throw new NotFoundError("year");
  const certificate = (await taxCertificatesOf(prisma, [affiliateId], year, today)).get(affiliateId);
  if (!certificate) throw new NotFoundError("affiliate");
  return certificate;
}
