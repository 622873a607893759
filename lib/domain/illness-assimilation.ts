// Assimilation for illness (DOMAIN.md §3.8): no contributions while the self-employed person, recognised unfit for
// work by the mutuality's medical adviser, has stopped all activity — pension and health rights kept. It starts the
// quarter after the quarter in which the incapacity begins (that same quarter when it begins in the quarter's first
// month) and ends with the quarter of resumption (the next one when work resumes in a quarter's third month).
// Conditions: at least 90 days of self-employment before the incapacity, and the quarter before the assimilation paid.
// Pure: "today" and whether that quarter is paid are arguments.
import { addDays, addQuarters, compareDates, isIsoDate, parseIsoDate, quarterFromIndex, quarterIndex, quarterOf, type IsoDate, type Quarter } from "./dates";

export const ASSIMILATION_MIN_DAYS_SELF_EMPLOYED = 90;

export type IllnessAssimilationRefusal = "invalid-date" | "start-in-future" | "resumption-before-start" | "under-90-days" | "previous-quarter-unpaid" | "nothing-assimilated";

export type IllnessAssimilation =
  | { ok: false; refusal: IllnessAssimilationRefusal }
  | { ok: true; firstQuarter: Quarter; lastQuarter: Quarter | null; quarterBefore: Quarter };

const monthInQuarter = (date: IsoDate) => ((parseIsoDate(date).month - 1) % 3) + 1;

/** The assimilated quarters (a last before the first: nothing is assimilated), without the payment condition (the page shows them before the quarter before is known to be paid). */
export function assimilationQuarters(incapacityStartOn: IsoDate, resumptionOn: IsoDate | null): { firstQuarter: Quarter; lastQuarter: Quarter | null } {
  const start = quarterOf(incapacityStartOn);
  const firstQuarter = monthInQuarter(incapacityStartOn) === 1 ? start : addQuarters(start, 1);
  if (resumptionOn === null) return { firstQuarter, lastQuarter: null };
  const back = quarterOf(resumptionOn);
  const last = monthInQuarter(resumptionOn) === 3 ? addQuarters(back, 1) : back;
  return { firstQuarter, lastQuarter: last };
}

export function illnessAssimilation(input: {
  incapacityStartOn: IsoDate;
  resumptionOn: IsoDate | null;
  affiliationStartOn: IsoDate;
  today: IsoDate;
  /** is the call of the quarter before the assimilation paid (null: not known yet, e.g. on the page) */
  previousQuarterPaid: boolean | null;
}): IllnessAssimilation {
  if (!isIsoDate(input.incapacityStartOn) || (input.resumptionOn !== null && !isIsoDate(input.resumptionOn))) return { ok: false, refusal: "invalid-date" };
  if (compareDates(input.incapacityStartOn, input.today) > 0) return { ok: false, refusal: "start-in-future" };
  if (input.resumptionOn !== null && compareDates(input.resumptionOn, input.incapacityStartOn) <= 0) return { ok: false, refusal: "resumption-before-start" };
  if (compareDates(addDays(input.affiliationStartOn, ASSIMILATION_MIN_DAYS_SELF_EMPLOYED), input.incapacityStartOn) > 0) return { ok: false, refusal: "under-90-days" };
  if (input.previousQuarterPaid === false) return { ok: false, refusal: "previous-quarter-unpaid" };
  const q = assimilationQuarters(input.incapacityStartOn, input.resumptionOn);
  if (q.lastQuarter !== null && quarterIndex(q.lastQuarter) < quarterIndex(q.firstQuarter)) return { ok: false, refusal: "nothing-assimilated" };
  return { ok: true, ...q, quarterBefore: addQuarters(q.firstQuarter, -1) };
}

/** Whether a quarter is covered by an assimilation (an open one covers every quarter from its first). */
export function isAssimilatedQuarter(q: Quarter, period: { firstQuarter: Quarter; lastQuarter: Quarter | null }): boolean {
  const i = quarterIndex(q);
  return i >= quarterIndex(period.firstQuarter) && (period.lastQuarter === null || i <= quarterIndex(period.lastQuarter));
}

/** The quarters of a closed assimilation, in order (for the letter and the page). */
export function assimilatedQuarterList(period: { firstQuarter: Quarter; lastQuarter: Quarter }): Quarter[] {
  const out: Quarter[] = [];
  for (let i = quarterIndex(period.firstQuarter); i <= quarterIndex(period.lastQuarter); i++) out.push(quarterFromIndex(i));
  return out;
}
