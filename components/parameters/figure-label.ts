import { formatDate } from "@/lib/format";

type T = { (key: string, values?: Record<string, string | number>): string; has: (key: string) => boolean };

/** A legal figure's name in the fund's language ("Plafond de la première tranche de revenus"), a dated figure with
 *  its start ("… (à partir du 01/02/2025)"); the technical key only where no label exists yet. */
export function figureLabel(t: T, locale: string, key: string): string {
  const m = /^(.*)\.(\d{4}-\d{2}-\d{2})\.(.*)$/.exec(key);
  const id = (m ? `${m[1]}.${m[3]}` : key).replace(/\./g, "_");
  const label = t.has(`labels.${id}`) ? t(`labels.${id}`) : key;
  return m ? t("validFrom", { label, date: formatDate(locale, m[2]) }) : label;
}

/** The subject a figure belongs to (its key's first part), for grouping. */
export function figureGroup(key: string): string {
  const g = key.split(".")[0];
  return ["contribution", "surcharges", "company", "managementFee", "benefits"].includes(g) ? g : "other";
}
