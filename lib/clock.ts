// "Today" for the fund is a date in Europe/Brussels, computed once per request or job and injected.
// PORTAL_TODAY=YYYY-MM-DD pins it (demos, tests); nothing else in the code reads the clock for legal dates.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

export const FUND_TIME_ZONE = "Europe/Brussels";

export function todayInBrussels(now: Date = new Date(), override = process.env.PORTAL_TODAY): string {
  if (override) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(override)) throw new Error(`PORTAL_TODAY must be YYYY-MM-DD, got "${override}"`);
    return override;
  }
  return format(new TZDate(now.getTime(), FUND_TIME_ZONE), "yyyy-MM-dd");
}

/** A DATE column value (midnight UTC, as Prisma returns @db.Date) → 'YYYY-MM-DD'. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' → the Date Prisma expects for a @db.Date column. */
export function dbDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}
