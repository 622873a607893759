import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseNiss } from "@/lib/domain";
import type { AffiliationInput } from "@/lib/schemas/backoffice-affiliation";
import { refused } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

/**
 * Turns an accepted affiliation request into the dossier: person, affiliate (with the next member number),
 * affiliation from the start date and its first category period, helping-spouse and director links. A national
 * number already affiliated (an active affiliation) is refused.
 */
export async function createAffiliateFromRequest(tx: Tx, r: { id: string; payload: unknown }, advisorId: string): Promise<string> {
  const p = r.payload as AffiliationInput;
  const existing = await tx.person.findUnique({ where: { niss: p.niss }, include: { affiliate: { include: { affiliations: { where: { status: "ACTIVE" } } } } } });
  if (existing?.affiliate && existing.affiliate.affiliations.length > 0) throw refused("alreadyAffiliated");
  const parsed = parseNiss(p.niss);
  const person =
    existing ??
    (await tx.person.create({
      data: {
        niss: p.niss,
        firstName: p.firstName,
        lastName: p.lastName,
        birthDate: dbDate(parsed?.birthDate ?? "1900-01-01"),
        sex: parsed?.sex ?? "F",
        email: p.email || null,
        phone: p.phone || null,
        street: p.street,
        postalCode: p.postalCode,
        city: p.city,
      },
    }));
  let affiliateId = existing?.affiliate?.id;
  if (!affiliateId) {
    const [{ next }] = await tx.$queryRaw<{ next: bigint }[]>`
      SELECT COALESCE(MAX("memberNumber"::bigint), 100000) + 1 AS next FROM "Affiliate" WHERE "memberNumber" ~ '^[0-9]{1,15}$'`;
    const a = await tx.affiliate.create({
      data: { memberNumber: String(next), kind: "PERSON", personId: person.id, language: p.language, refundIban: p.iban || null, advisorId },
    });
    affiliateId = a.id;
  }
  await tx.affiliation.create({
    data: {
      affiliateId,
      startOn: dbDate(p.startOn),
      status: "ACTIVE",
      requestId: r.id,
      periods: { create: { category: p.category, fromOn: dbDate(p.startOn) } },
    },
  });
  if (p.category === "HELPING_SPOUSE" && p.helpedNiss) {
    const helped = await tx.person.findUnique({ where: { niss: p.helpedNiss }, select: { id: true } });
    if (helped) await tx.helpingSpouseLink.create({ data: { spouseId: person.id, selfEmployedId: helped.id, fromOn: dbDate(p.startOn) } });
  }
  if (p.enterpriseNumber) {
    const company = await tx.company.findUnique({ where: { enterpriseNumber: p.enterpriseNumber }, select: { id: true } });
    if (company) await tx.companyDirector.create({ data: { companyId: company.id, personId: person.id, fromOn: dbDate(p.startOn) } });
  }
  return affiliateId;
}

/** Days from the affiliation request to the affiliation (the accepting event), for the request view and KPIs. */
export async function affiliationLeadTime(requestId: string): Promise<number | null> {
  const events = await prisma.requestEvent.findMany({ where: { requestId, toStatus: { in: ["SUBMITTED", "ACCEPTED"] } }, orderBy: { at: "asc" }, select: { toStatus: true, at: true } });
  const from = events.find((e) => e.toStatus === "SUBMITTED");
  const to = events.find((e) => e.toStatus === "ACCEPTED");
  if (!from || !to) return null;
  return Math.round((Date.parse(isoDate(to.at)) - Date.parse(isoDate(from.at))) / 86_400_000);
}
