import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { compareDates, quarterEnd, quarterFromIndex, quarterIndex, quarterOf, quarterStart, type Quarter } from "@/lib/domain/dates";
import { type ContinuedInsuranceContext } from "@/lib/dto/continued-insurance";

/** Categories whose contributions open the right (§3.7): main occupation, helping spouse (maxi-status: the only
 *  helping-spouse category this fund bills). */
const QUALIFYING = ["MAIN", "HELPING_SPOUSE"] as const;
/** How far back the qualifying quarters are read: the request is late 3 quarters after cessation anyway. */
const LOOKBACK_QUARTERS = 16;

/**
 * What the continued-insurance page and filing need from a person's dossier: the day the activity ended when the
 * dossier knows it (the affiliation ended, none in force), and the quarters in which the person was subject to
 * main-occupation or maxi-status contributions (a category period overlapping the quarter), over the last 4 years.
 * A company, or a dossier never affiliated, gets null.
 */
export async function continuedInsuranceContext(affiliateId: string, today: string): Promise<ContinuedInsuranceContext | null> {
  const a = await prisma.affiliate.findUnique({
    where: { id: affiliateId },
    select: { kind: true, affiliations: { select: { status: true, endOn: true, periods: { select: { category: true, fromOn: true, toOn: true } } } } },
  });
  if (!a || a.kind !== "PERSON" || a.affiliations.length === 0) return null;
  const inForce = a.affiliations.some((af) => af.status === "ACTIVE" && af.endOn === null);
  const ends = a.affiliations.filter((af) => af.endOn !== null).map((af) => isoDate(af.endOn!)).sort();
  const cessationOn = !inForce && ends.length > 0 ? ends[ends.length - 1] : null;
  const last = quarterIndex(quarterOf(today));
  const qualifying: Quarter[] = [];
  for (let i = last - LOOKBACK_QUARTERS; i <= last; i++) {
    const q = quarterFromIndex(i);
    const covered = a.affiliations.some((af) =>
      af.periods.some(
        (p) => (QUALIFYING as readonly string[]).includes(p.category) && compareDates(isoDate(p.fromOn), quarterEnd(q)) <= 0 && (p.toOn === null || compareDates(isoDate(p.toOn), quarterStart(q)) >= 0),
      ),
    );
    if (covered) qualifying.push(q);
  }
  return { cessationOn, qualifyingQuarters: qualifying };
}

/** The payload's period (indexes kept for a later run's SQL, like the assimilation's). */
export function continuedInsurancePayloadPeriod(first: Quarter, last: Quarter) {
  return { firstQuarter: first, lastQuarter: last, firstQuarterIndex: quarterIndex(first), lastQuarterIndex: quarterIndex(last) };
}
