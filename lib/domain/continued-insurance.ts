// Continued insurance (assurance continuée / voortgezette verzekering, docs DOMAIN.md §3.7): after stopping the
// self-employed activity, without another social status, a person may keep paying contributions to keep their
// pension rights (option PENSION) or pension and health-insurance rights (option PENSION_AND_HEALTH). Conditions:
// main-occupation or maxi-status helping-spouse contributions in the quarter of cessation and the 3 quarters before
// (RSVZ FAQ); a request within 3 quarters after the quarter of cessation (an OLDER rule, Securex page: to confirm);
// at most 2 years (8 quarters) from the quarter after cessation (Liantis; the extension up to pension age is decided
// by the fund, not computed here). The contribution itself (on the income of 3 years earlier, about 60 % / 90 % of
// the normal one at one fund) is NOT computed: the fund sets it on decision. Pure: "today" and the quarters with
// qualifying contributions are arguments.
import { addQuarters, compareDates, isIsoDate, quarterEnd, quarterIndex, quarterOf, type IsoDate, type Quarter } from "./dates";

export const CONTINUED_INSURANCE_OPTIONS = ["PENSION", "PENSION_AND_HEALTH"] as const;
export type ContinuedInsuranceOption = (typeof CONTINUED_INSURANCE_OPTIONS)[number];

/** Quarters of qualifying contributions required: the quarter of cessation and the 3 before it. */
export const CONTINUED_INSURANCE_REFERENCE_QUARTERS = 4;
/** The request must come within this many quarters after the quarter of cessation (older rule, §3.7). */
export const CONTINUED_INSURANCE_FILING_QUARTERS = 3;
/** The longest period, from the quarter after cessation (§3.7: 2 years). */
export const CONTINUED_INSURANCE_MAX_QUARTERS = 8;

export type ContinuedInsuranceRefusal = "invalid-date" | "cessation-in-future" | "contributions-missing" | "too-late";

export type ContinuedInsuranceCheck =
  | { valid: false; refusal: "invalid-date" | "cessation-in-future" }
  | {
      valid: true;
      cessationQuarter: Quarter;
      /** the quarter of cessation and the 3 before it, oldest first, each with whether it carries qualifying contributions */
      referenceQuarters: { quarter: Quarter; met: boolean }[];
      contributionsMet: boolean;
      /** the last day to ask: the end of the 3rd quarter after the quarter of cessation */
      filingDeadlineOn: IsoDate;
      inTime: boolean;
      /** the longest period: from the quarter after cessation, 8 quarters */
      firstQuarter: Quarter;
      lastQuarter: Quarter;
      /** the first condition that fails, or null when all are met */
      refusal: "contributions-missing" | "too-late" | null;
    };

export function continuedInsurance(input: { cessationOn: IsoDate; today: IsoDate; qualifyingQuarters: readonly Quarter[] }): ContinuedInsuranceCheck {
  if (!isIsoDate(input.cessationOn)) return { valid: false, refusal: "invalid-date" };
  if (compareDates(input.cessationOn, input.today) > 0) return { valid: false, refusal: "cessation-in-future" };
  const cessationQuarter = quarterOf(input.cessationOn);
  const qualifying = new Set(input.qualifyingQuarters.map(quarterIndex));
  const referenceQuarters: { quarter: Quarter; met: boolean }[] = [];
  for (let i = CONTINUED_INSURANCE_REFERENCE_QUARTERS - 1; i >= 0; i--) {
    const quarter = addQuarters(cessationQuarter, -i);
    referenceQuarters.push({ quarter, met: qualifying.has(quarterIndex(quarter)) });
  }
  const contributionsMet = referenceQuarters.every((q) => q.met);
  const filingDeadlineOn = quarterEnd(addQuarters(cessationQuarter, CONTINUED_INSURANCE_FILING_QUARTERS));
  const inTime = compareDates(input.today, filingDeadlineOn) <= 0;
  const firstQuarter = addQuarters(cessationQuarter, 1);
  return {
    valid: true,
    cessationQuarter,
    referenceQuarters,
    contributionsMet,
    filingDeadlineOn,
    inTime,
    firstQuarter,
    lastQuarter: addQuarters(firstQuarter, CONTINUED_INSURANCE_MAX_QUARTERS - 1),
    refusal: !contributionsMet ? "contributions-missing" : !inTime ? "too-late" : null,
  };
}

/** The period asked for: from the quarter after cessation, `quarters` quarters (1 to 8), or null when out of range. */
export function continuedInsurancePeriod(cessationQuarter: Quarter, quarters: number): { firstQuarter: Quarter; lastQuarter: Quarter } | null {
  if (!Number.isInteger(quarters) || quarters < 1 || quarters > CONTINUED_INSURANCE_MAX_QUARTERS) return null;
  const firstQuarter = addQuarters(cessationQuarter, 1);
  return { firstQuarter, lastQuarter: addQuarters(firstQuarter, quarters - 1) };
}
