import "server-only";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { type Holder } from "@/lib/dto/documents";
import { recipientOf } from "@/lib/letters/recipient";

/** The holder block of a certificate: the recipient, the identifier (national or enterprise number), the member number. */
export async function holderOf(affiliateId: string): Promise<Holder> {
  const a = await prisma.affiliate.findUnique({ where: { id: affiliateId }, include: { person: true, company: true } });
  if (!a) throw new NotFoundError("affiliate");
  const { addressee, address } = recipientOf(a);
  return a.person
    ? { name: addressee, identifier: a.person.niss, identifierKind: "niss", memberNumber: a.memberNumber, address }
    : { name: addressee, identifier: a.company!.enterpriseNumber, identifierKind: "enterprise", memberNumber: a.memberNumber, address };
}
