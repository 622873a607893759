// Law of 4-1-1974 on public holidays and AR 18-4-1974 art. 1 (the ten Belgian legal holidays); Easter by the Gregorian computus.
import { addDays, formatIsoDate, isoWeekday, yearOf, type IsoDate } from "./dates";

export type BelgianHolidayCode =
  | "new-year"
  | "easter-monday"
  | "labour-day"
  | "ascension"
  | "whit-monday"
  | "national-day"
  | "assumption"
  | "all-saints"
  | "armistice"
  | "christmas";

export interface BelgianHoliday {
  date: IsoDate;
  code: BelgianHolidayCode;
}

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

/** The ten legal public holidays of a year, in date order. */
export function belgianPublicHolidays(year: number): BelgianHoliday[] {
  const easter = easterSunday(year);
  const list: BelgianHoliday[] = [
    { date: formatIsoDate(year, 1, 1), code: "new-year" },
    { date: addDays(easter, 1), code: "easter-monday" },
    { date: formatIsoDate(year, 5, 1), code: "labour-day" },
    { date: addDays(easter, 39), code: "ascension" },
    { date: addDays(easter, 50), code: "whit-monday" },
    { date: formatIsoDate(year, 7, 21), code: "national-day" },
    { date: formatIsoDate(year, 8, 15), code: "assumption" },
    { date: formatIsoDate(year, 11, 1), code: "all-saints" },
    { date: formatIsoDate(year, 11, 11), code: "armistice" },
    { date: formatIsoDate(year, 12, 25), code: "christmas" },
  ];
  // Ascension can fall on 30 April (Easter on 22 March), before Labour Day: sort by date.
  return list.sort((x, y) => x.date.localeCompare(y.date));
}

export function isBelgianPublicHoliday(date: IsoDate): boolean {
  return belgianPublicHolidays(yearOf(date)).some((h) => h.date === date);
}

/** Monday to Friday and not a legal public holiday. */
export function isBusinessDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isBelgianPublicHoliday(date);
}

/** The date itself when it is a business day, else the next business day. */
export function nextBusinessDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** Moves n business days forward (n > 0) or backward (n < 0); n = 0 returns the date unchanged. */
export function addBusinessDays(date: IsoDate, n: number): IsoDate {
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isBusinessDay(d)) left--;
  }
  return d;
}
