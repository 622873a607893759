// Charte de l'assuré social (law 11-4-1995) art. 3 (information within 45 days), art. 10 (decision within 4 months, suspended while information is awaited), art. 12 (payment within 4 months).
import { line, type BreakdownLine } from "./breakdown";
import { addDays, addMonths, compareDates, daysBetween, maxDate, quarterEnd, type IsoDate, type Quarter } from "./dates";
import { DomainError } from "./errors";

/** A pause of the decision clock: from `from` (inclusive) to `to` (exclusive: the day the information arrived). */
export interface ClockPause {
  from: IsoDate;
  to: IsoDate;
}

export interface CharterDeadlines {
  informationDueOn: IsoDate;
  decisionDueOn: IsoDate;
  pausedDays: number;
  breakdown: BreakdownLine[];
}

export const CHARTER_INFORMATION_DAYS = 45;
export const CHARTER_DECISION_MONTHS = 4;
export const CHARTER_PAYMENT_MONTHS = 4;

/** Due date of a quarterly contribution: last day of the quarter. */
export function quarterDueDate(q: Quarter): IsoDate {
  return quarterEnd(q);
}

/**
 * Calendar-day deadlines from the filing date. The decision deadline is extended by every paused day that falls
 * before it (pauses clipped to the filing date, overlaps merged).
 */
export function charterDeadlines(input: { filedOn: IsoDate; pauses?: ClockPause[] }): CharterDeadlines {
  const pauses = [...(input.pauses ?? [])].sort((a, b) => compareDates(a.from, b.from));
  for (const p of pauses) if (compareDates(p.to, p.from) < 0) throw new DomainError("deadline.invalidPause", { from: p.from, to: p.to });
  let decisionDueOn = addMonths(input.filedOn, CHARTER_DECISION_MONTHS);
  let cursor = input.filedOn; // days before cursor are already counted
  let pausedDays = 0;
  for (const p of pauses) {
    const from = maxDate(p.from, cursor);
    if (compareDates(from, decisionDueOn) > 0 || compareDates(p.to, from) <= 0) continue;
    const days = daysBetween(from, p.to);
    pausedDays += days;
    decisionDueOn = addDays(decisionDueOn, days);
    cursor = p.to;
  }
  const informationDueOn = addDays(input.filedOn, CHARTER_INFORMATION_DAYS);
  const breakdown: BreakdownLine[] = [
    line("deadline.information", { filedOn: input.filedOn, days: CHARTER_INFORMATION_DAYS, dueOn: informationDueOn }),
    line("deadline.decision", { filedOn: input.filedOn, months: CHARTER_DECISION_MONTHS, pausedDays, dueOn: decisionDueOn }),
  ];
  return { informationDueOn, decisionDueOn, pausedDays, breakdown };
}

/** Payment of a granted benefit within 4 months of the notification of the decision. */
export function charterPaymentDueOn(decisionNotifiedOn: IsoDate): IsoDate {
  return addMonths(decisionNotifiedOn, CHARTER_PAYMENT_MONTHS);
}
