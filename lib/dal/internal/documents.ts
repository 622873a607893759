import "server-only";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { type Holder } from "@/lib/dto/documents";

export async function holderOf(affiliateId: string): Promise<Holder> {
  const a = await prisma.affiliate.findUnique({ where: { id: affiliateId }, include: { person: true, company: true } });
  if (!a) throw new NotFoundError("affiliate");
  if (a.person)
    return { name: `${a.person.firstName} ${a.person.lastName}`, identifier: a.person.niss, identifierKind: "niss", memberNumber: a.memberNumber, address: [a.person.street, `${a.person.postalCode} ${a.person.city}`] };
  return { name: a.company!.name, identifier: a.company!.enterpriseNumber, identifierKind: "enterprise", memberNumber: a.memberNumber, address: [a.company!.street, `${a.company!.postalCode} ${a.company!.city}`] };
}
