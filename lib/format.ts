// The only place money and dates are formatted for people. Cents are integers; the division happens here only.
const LOCALE_TAG = { fr: "fr-BE", nl: "nl-BE" } as const;
type L = keyof typeof LOCALE_TAG;
const tag = (locale: string) => LOCALE_TAG[(locale in LOCALE_TAG ? locale : "fr") as L];

export function formatMoney(locale: string, cents: number): string {
  return new Intl.NumberFormat(tag(locale), { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** 'YYYY-MM-DD' → e.g. 31/03/2026 (fr-BE) or 31/03/2026 (nl-BE); no time zone shift (date-only). */
export function formatDate(locale: string, iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(tag(locale), { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** 'YYYY-MM-DD' → the date as a letter writes it: "2 décembre 2026", "2 december 2026" (date-only, no time zone shift). */
export function formatLongDate(locale: string, iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(tag(locale), { timeZone: "UTC", dateStyle: "long" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A moment (ISO timestamp) in words, in Brussels time: "2 décembre 2026 à 14:05", "2 december 2026 om 14:05". */
export function formatDateTime(locale: string, at: string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: "Europe/Brussels", dateStyle: "long", timeStyle: "short" }).format(new Date(at));
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
