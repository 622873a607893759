// Release of a company director from the joint liability for the company contribution (docs DOMAIN.md §1.17: the
// mandataries are jointly liable for the company contribution, law of 30-12-1992 art. 98; "may request relief of the
// joint liability within one year", easypay page). The source gives no starting point for that year: we count it
// from the due date of the company contribution concerned (31 December of its year) — an interpretation to confirm.
// Only the years of the director's mandate can be concerned. Pure: "today", the mandates and the company's calls are
// arguments.
import { addMonths, compareDates, formatIsoDate, isIsoDate, type IsoDate } from "./dates";

/** The request must come within this many months after the due date of the year's company contribution. */
export const JOINT_LIABILITY_RELEASE_MONTHS = 12;

export type JointLiabilityYear = {
  year: number;
  /** due date of the company contribution of that year */
  dueOn: IsoDate;
  /** the last day to ask for a release for that year */
  deadlineOn: IsoDate;
  /** the director held a mandate at some time during the year */
  inMandate: boolean;
  inTime: boolean;
  /** already released (an accepted request) or asked for (a pending one) */
  alreadyAsked: boolean;
  /** offered on the form: in the mandate, in time, not yet asked */
  open: boolean;
};

export type JointLiabilityRefusal = "no-year" | "not-in-mandate" | "too-late" | "already-asked";

const overlapsYear = (m: { fromOn: IsoDate; toOn: IsoDate | null }, year: number) =>
  compareDates(m.fromOn, formatIsoDate(year, 12, 31)) <= 0 && (m.toOn === null || compareDates(m.toOn, formatIsoDate(year, 1, 1)) >= 0);

/** Every year with a company contribution, newest first, with its deadline and whether it can be asked for. */
export function jointLiabilityYears(input: {
  today: IsoDate;
  mandates: readonly { fromOn: IsoDate; toOn: IsoDate | null }[];
  contributions: readonly { year: number; dueOn: IsoDate }[];
  alreadyAsked: readonly number[];
}): JointLiabilityYear[] {
  return [...input.contributions]
    .filter((c) => isIsoDate(c.dueOn))
    .sort((a, b) => b.year - a.year)
    .map((c) => {
      const deadlineOn = addMonths(c.dueOn, JOINT_LIABILITY_RELEASE_MONTHS);
      const inMandate = input.mandates.some((m) => overlapsYear(m, c.year));
      const inTime = compareDates(input.today, deadlineOn) <= 0;
      const alreadyAsked = input.alreadyAsked.includes(c.year);
      return { year: c.year, dueOn: c.dueOn, deadlineOn, inMandate, inTime, alreadyAsked, open: inMandate && inTime && !alreadyAsked };
    });
}

/** Checks the years chosen against the company's years: each must be open; the first failure is the refusal. */
export function checkJointLiabilityRelease(years: readonly JointLiabilityYear[], chosen: readonly number[]): { ok: true; years: number[] } | { ok: false; refusal: JointLiabilityRefusal } {
  if (chosen.length === 0) return { ok: false, refusal: "no-year" };
  for (const y of chosen) {
    const row = years.find((r) => r.year === y);
    if (!row || !row.inMandate) return { ok: false, refusal: "not-in-mandate" };
    if (!row.inTime) return { ok: false, refusal: "too-late" };
    if (row.alreadyAsked) return { ok: false, refusal: "already-asked" };
  }
  return { ok: true, years: [...new Set(chosen)].sort((a, b) => a - b) };
}
