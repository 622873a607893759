import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { PENDING_REQUEST_STATUSES } from "@/lib/db/enums";
import { jointLiabilityYears } from "@/lib/domain/joint-liability-release";
import { type JointLiabilityCompany } from "@/lib/dto/continued-insurance";

/**
 * The companies affiliated here that the person of this dossier directs or directed (every mandate, past ones
 * included: the joint liability covers the mandate's period), each with the years of its company contribution and,
 * per year, the deadline and whether it may still be asked for. The years already released (accepted request) or
 * asked for (pending) are marked: the release is recorded by the accepted request's payload (companyAffiliateId,
 * years), read here.
 */
export async function jointLiabilityCompanies(affiliateId: string, today: string): Promise<JointLiabilityCompany[]> {
  const me = await prisma.affiliate.findUnique({ where: { id: affiliateId }, select: { personId: true } });
  if (!me?.personId) return [];
  const rows = await prisma.companyDirector.findMany({
    where: { personId: me.personId, company: { affiliate: { isNot: null } } },
    orderBy: { fromOn: "asc" },
    select: { fromOn: true, toOn: true, company: { select: { name: true, affiliate: { select: { id: true } } } } },
  });
  const byCompany = new Map<string, { name: string; mandates: { fromOn: string; toOn: string | null }[] }>();
  for (const r of rows) {
    const id = r.company.affiliate!.id;
    const entry = byCompany.get(id) ?? { name: r.company.name, mandates: [] };
    entry.mandates.push({ fromOn: isoDate(r.fromOn), toOn: r.toOn ? isoDate(r.toOn) : null });
    byCompany.set(id, entry);
  }
  if (byCompany.size === 0) return [];
  const ids = [...byCompany.keys()];
  const [calls, asked] = await Promise.all([
    prisma.contributionCall.findMany({ where: { affiliateId: { in: ids }, kind: "COMPANY" }, select: { affiliateId: true, year: true, dueOn: true } }),
    prisma.request.findMany({
      where: { affiliateId, type: "JOINT_LIABILITY_RELEASE", status: { in: [...PENDING_REQUEST_STATUSES, "ACCEPTED"] } },
      select: { payload: true },
    }),
  ]);
  return ids
    .map((id) => {
      const c = byCompany.get(id)!;
      const alreadyAsked = asked.flatMap((r) => {
        const p = r.payload as { companyAffiliateId?: unknown; years?: unknown };
        return p.companyAffiliateId === id && Array.isArray(p.years) ? p.years.filter((y): y is number => typeof y === "number") : [];
      });
      const contributions = calls.filter((k) => k.affiliateId === id).map((k) => ({ year: k.year, dueOn: isoDate(k.dueOn) }));
      return { companyAffiliateId: id, name: c.name, mandates: c.mandates, years: jointLiabilityYears({ today, mandates: c.mandates, contributions, alreadyAsked }) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

/** The years of a company the director has been released from (accepted requests), for a reader of the debt. */
export async function releasedYears(directorAffiliateId: string, companyAffiliateId: string): Promise<number[]> {
  const accepted = await prisma.request.findMany({
    where: { affiliateId: directorAffiliateId, type: "JOINT_LIABILITY_RELEASE", status: "ACCEPTED", payload: { path: ["companyAffiliateId"], equals: companyAffiliateId } },
    select: { payload: true },
  });
  const years = accepted.flatMap((r) => ((r.payload as { years?: unknown }).years as unknown[] | undefined) ?? []).filter((y): y is number => typeof y === "number");
  return [...new Set(years)].sort((a, b) => a - b);
}
