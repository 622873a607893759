// The quarters a new affiliate is called for when the affiliation is processed (retroactive start included).
import { quarterFromIndex, quarterIndex, quarterOf, type IsoDate } from "./dates";

/** At most this many quarters are called back at once (5 years: older contributions are prescribed, §1.15). */
export const MAX_FIRST_CALL_QUARTERS = 20;

/**
 * The quarters whose provisional calls are issued when an affiliation is processed: from the quarter of the start
 * date to the quarter of `today` ('2026-Q4' form); none when the activity starts in a later quarter (the regular
 * quarterly run will call it).
 */
export function firstCallQuarters(startOn: IsoDate, today: IsoDate): string[] {
  const from = quarterIndex(quarterOf(startOn));
  const to = quarterIndex(quarterOf(today));
  const out: string[] = [];
  for (let i = Math.max(from, to - MAX_FIRST_CALL_QUARTERS + 1); i <= to; i++) {
    const q = quarterFromIndex(i);
    out.push(`${q.year}-Q${q.quarter}`);
  }
  return out;
}
