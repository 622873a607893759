// Date-only arithmetic on 'YYYY-MM-DD' strings (docs/design.md §4 "Dates"); proleptic Gregorian, no clock, no Date object.
import { DomainError } from "./errors";

/** A legal date, 'YYYY-MM-DD'. */
export type IsoDate = string;
export type QuarterNumber = 1 | 2 | 3 | 4;
export interface Quarter {
  year: number;
  quarter: QuarterNumber;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

export function parseIsoDate(value: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(value)) throw new DomainError("date.invalid", { value });
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatIsoDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Number of days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Adds calendar months; the day is clamped to the end of the target month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

export function isQuarter(value: { year: number; quarter: number }): value is Quarter {
  return Number.isInteger(value.year) && [1, 2, 3, 4].includes(value.quarter);
}

export function quarterOf(date: IsoDate): Quarter {
  const { year, month } = parseIsoDate(date);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as QuarterNumber };
}

export function quarterStart(q: Quarter): IsoDate {
  return formatIsoDate(q.year, (q.quarter - 1) * 3 + 1, 1);
}

export function quarterEnd(q: Quarter): IsoDate {
  return lastDayOfMonth(q.year, q.quarter * 3);
}

/** Quarter index (year × 4 + quarter − 1), handy for ordering and distances. */
export function quarterIndex(q: Quarter): number {
  return q.year * 4 + q.quarter - 1;
}

export function quarterFromIndex(index: number): Quarter {
  const year = Math.floor(index / 4);
  return { year, quarter: (index - year * 4 + 1) as QuarterNumber };
}

export function addQuarters(q: Quarter, n: number): Quarter {
  return quarterFromIndex(quarterIndex(q) + n);
}

export function isQuarterEnd(date: IsoDate): boolean {
  return quarterEnd(quarterOf(date)) === date;
}

/** Every quarter-end date d with from <= d <= to. */
export function quarterEndsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const result: IsoDate[] = [];
  let q = quarterOf(from);
  // The end of from's own quarter is always >= from.
  for (let end = quarterEnd(q); compareDates(end, to) <= 0; q = addQuarters(q, 1), end = quarterEnd(q)) {
    result.push(end);
  }
  return result;
}
