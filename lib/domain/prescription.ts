// Prescription of contributions (art. 16 AR n° 38): five years from 1 January after the year they are due for.
import { addMonths, compareDates } from "./dates";

export const PRESCRIPTION_YEARS = 5;

export const PRESCRIPTION_WARNING_MONTHS = 6;

/**
 * Contributions prescribe 5 years from 1 January of the year following the year for which they are due
 * (art. 16 AR n° 38, docs/domain.md §7.6 — the year of the oldest due date stands for the contribution year):
 * warn in the last 6 months, and once prescribed.
 */
export function prescription(oldestDueOn: string, today: string): { prescribesOn: string; state: "ok" | "soon" | "prescribed" } {
  const prescribesOn = `${Number(oldestDueOn.slice(0, 4)) + 1 + PRESCRIPTION_YEARS}-01-01`;
  if (compareDates(today, prescribesOn) >= 0) return { prescribesOn, state: "prescribed" };
  if (compareDates(today, addMonths(prescribesOn, -PRESCRIPTION_WARNING_MONTHS)) >= 0) return { prescribesOn, state: "soon" };
  return { prescribesOn, state: "ok" };
}
