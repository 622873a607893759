// End of self-employed activity (cessation): what the last day of activity does to the quarterly calls. Contributions
// stay due for every quarter in which the person was self-employed, the quarter of cessation included (AR n° 38
// art. 12; docs DOMAIN.md); no call is issued for the quarters after it, and a call already issued for such a
// quarter is cancelled. Pure: "today" and the calls already issued are arguments.
import { addMonths, addQuarters, compareDates, isIsoDate, quarterFromIndex, quarterIndex, quarterOf, type IsoDate, type Quarter } from "./dates";

/** How far ahead an end of activity may be announced (the fund's practice: the affiliate confirms it once it is near). */
export const END_OF_ACTIVITY_MAX_MONTHS_AHEAD = 3;

export type EndOfActivityRefusal = "invalid-date" | "before-start" | "too-far-ahead";

export type EndOfActivityEffect =
  | { ok: false; refusal: EndOfActivityRefusal }
  | {
      ok: true;
      /** the quarter of the last day: its call stays due in full */
      lastQuarter: Quarter;
      /** from the current quarter (or the last one, if the end is past) to the last quarter: still due, issued or not yet */
      stillDue: { quarter: Quarter; issued: boolean }[];
      /** calls already issued for quarters entirely after the end: cancelled by a credit on the account */
      cancelled: Quarter[];
      /** the first quarter for which no call will be issued any more */
      noCallsFrom: Quarter;
    };

export function endOfActivityEffect(input: { lastDayOn: IsoDate; affiliationStartOn: IsoDate; today: IsoDate; issuedQuarters: readonly Quarter[] }): EndOfActivityEffect {
  if (!isIsoDate(input.lastDayOn)) return { ok: false, refusal: "invalid-date" };
  if (compareDates(input.lastDayOn, input.affiliationStartOn) < 0) return { ok: false, refusal: "before-start" };
  if (compareDates(input.lastDayOn, addMonths(input.today, END_OF_ACTIVITY_MAX_MONTHS_AHEAD)) > 0) return { ok: false, refusal: "too-far-ahead" };
  const lastQuarter = quarterOf(input.lastDayOn);
  const last = quarterIndex(lastQuarter);
  const issued = new Set(input.issuedQuarters.map(quarterIndex));
  const from = Math.min(quarterIndex(quarterOf(input.today)), last);
  const stillDue: { quarter: Quarter; issued: boolean }[] = [];
  for (let i = from; i <= last; i++) stillDue.push({ quarter: quarterFromIndex(i), issued: issued.has(i) });
  const cancelled = [...issued].filter((i) => i > last).sort((a, b) => a - b).map(quarterFromIndex);
  return { ok: true, lastQuarter, stillDue, cancelled, noCallsFrom: addQuarters(lastQuarter, 1) };
}

/** Whether a quarter lies entirely after the last day of activity (its call is not due). */
export function isAfterEndOfActivity(q: Quarter, lastDayOn: IsoDate): boolean {
  return quarterIndex(q) > quarterIndex(quarterOf(lastDayOn));
}
