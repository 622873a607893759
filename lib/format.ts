// The only place money and dates are formatted for people. Cents are integers; the division happens here only.
import { localeTag as tag } from "@/lib/i18n/config";

// Making an Intl formatter costs far more than using one (ICU loads the locale's data each time): a call statement of
// 44 quarters made some 300 per page, 6 ms of its server time. One formatter per locale and options, kept.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** The shared Intl.NumberFormat of a locale ("fr", "nl"… or a BCP 47 tag) and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(tag(locale), options)));
  return f;
}

/** The shared Intl.DateTimeFormat of a locale and options. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(tag(locale), options)));
  return f;
}

export function formatMoney(locale: string, cents: number): string {
  return numberFormat(locale, { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** 'YYYY-MM-DD' → e.g. 31/03/2026 (fr-BE) or 31/03/2026 (nl-BE); no time zone shift (date-only). */
export function formatDate(locale: string, iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return dateFormat(locale, { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Intl's parts, with French's first of the month written as an ordinal: "1er janvier 2027" (Intl says "1 janvier"). */
function inWords(locale: string, format: Intl.DateTimeFormat, date: Date): string {
  return format
    .formatToParts(date)
    .map((p) => (p.type === "day" && tag(locale) === "fr-BE" && Number(p.value) === 1 ? "1er" : p.value))
    .join("");
}

/** 'YYYY-MM-DD' → the date as a letter writes it: "2 décembre 2026", "1er janvier 2027", "2 december 2026" (date-only, no time zone shift). */
export function formatLongDate(locale: string, iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return inWords(locale, dateFormat(locale, { timeZone: "UTC", dateStyle: "long" }), new Date(Date.UTC(y, m - 1, d)));
}

/** 'YYYY-MM' → the month in words: "novembre 2026" / "november 2026"; short for tables: "nov. 2026" / "nov 2026". */
export function formatMonth(locale: string, yearMonth: string, style: "long" | "short" = "long"): string {
  const [y, m] = yearMonth.split("-").map(Number);
  return dateFormat(locale, { timeZone: "UTC", month: style, year: "numeric" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

const QUARTER_LETTER: Record<string, string> = { fr: "T", nl: "K", de: "Q", en: "Q" };

/** A quarter as tables and lists name it: "T1 2026" (trimestre), "K1 2026" (kwartaal), "Q1 2026" (Quartal, quarter). */
export function formatQuarter(locale: string, year: number, quarter: number): string {
  return `${QUARTER_LETTER[locale] ?? "T"}${quarter} ${year}`;
}

/** A value a message shows as it came from the domain: an ISO date becomes 31/12/2026, a quarter code '2026-Q1' T1 2026. */
export function formatCodes(locale: string, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(locale, value);
  return value.replace(/\b(\d{4})-Q([1-4])\b/g, (_, y: string, q: string) => formatQuarter(locale, Number(y), Number(q)));
}

/** A moment (ISO timestamp) in words, in Brussels time: "2 décembre 2026 à 14:05", "2 december 2026 om 14:05". */
export function formatDateTime(locale: string, at: string): string {
  return inWords(locale, dateFormat(locale, { timeZone: "Europe/Brussels", dateStyle: "long", timeStyle: "short" }), new Date(at));
}

/** An IBAN in groups of four, as printed on calls and letters. */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, "").replace(/(.{4})/g, "$1 ").trim();
}

export function formatNiss(niss: string): string {
  return niss.length === 11 ? `${niss.slice(0, 2)}.${niss.slice(2, 4)}.${niss.slice(4, 6)}-${niss.slice(6, 9)}.${niss.slice(9)}` : niss;
}

export function formatEnterpriseNumber(n: string): string {
  return n.length === 10 ? `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}` : n;
}

export function formatStructuredCommunication(twelveDigits: string): string {
  const d = twelveDigits;
  return d.length === 12 ? `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++` : d;
}

/** A legal figure for people: euros for amounts, a percentage for rates, a decimal for ratios ("" when missing). */
export function formatFigure(locale: string, unit: string, value: string, denominator: string | null = null): string {
  if (value === "") return "";
  const n = Number(value);
  if (unit === "cents") return formatMoney(locale, n);
  if (unit === "bp") return `${numberFormat(locale, { maximumFractionDigits: 2 }).format(n / 100)} %`;
  if (unit === "ratio" && denominator) return numberFormat(locale, { maximumFractionDigits: 12 }).format(n / Number(denominator));
  return numberFormat(locale).format(n);
}

/** Cents as a number of euros for a spreadsheet cell (the reader's program formats it): 123456 → 1234.56. */
export function centsToEuros(cents: number): number {
  return cents / 100;
}
