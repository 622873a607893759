// The caregiver allowance is asked within 4 weeks of the start of the interruption (docs/domain.md §9.6): a later
// request is still filed, with a warning, and the advisor judges it.

import { addDays, compareDates } from "./dates";

export const CAREGIVER_FILING_DAYS = 28;

export function caregiverFiledLate(startOn: string, filedOn: string): boolean {
  return compareDates(filedOn, addDays(startOn, CAREGIVER_FILING_DAYS)) > 0;
}
