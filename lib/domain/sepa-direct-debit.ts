// SEPA Core direct debit rules beyond the XSD (docs/formats.md §2.1, ../shared FORMATS §4.3): the requested
// collection date must be a TARGET2 settlement day, and some R-transaction reasons end the mandate.
import { addDays, isoWeekday, yearOf, type IsoDate } from "./dates";
import { easterSunday } from "./compute-belgian-holidays";

/** TARGET2 closing days (ECB): Saturdays, Sundays, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December. */
export function isTargetDay(date: IsoDate): boolean {
  if (isoWeekday(date) >= 6) return false;
  const md = date.slice(5);
  if (md === "01-01" || md === "05-01" || md === "12-25" || md === "12-26") return false;
  const easter = easterSunday(yearOf(date));
  return date !== addDays(easter, -2) && date !== addDays(easter, 1);
}

/**
 * ISO 20022 return reasons after which collecting again under the same mandate cannot succeed: the account is
 * wrong, closed or blocked, does not accept direct debits, the bank knows no mandate, or the debtor died. Any other
 * reason (insufficient funds AM04, refund asked MD06, unspecified MS03…) leaves the mandate in force.
 */
const MANDATE_ENDING_REASONS: ReadonlySet<string> = new Set(["AC01", "AC04", "AC06", "AC13", "AG01", "MD01", "MD07"]);

export function returnEndsMandate(reason: string): boolean {
  return MANDATE_ENDING_REASONS.has(reason.trim().toUpperCase());
}
