// The values of a message (a ledger reason, a breakdown line, a notice) formatted for people by their names' suffix:
// …Cents → money, …Bp → percent, …Ppm → ratio, …On → date; a numerator/denominator pair also gives `coefficient`.
import { formatDate, formatMoney, numberFormat } from "@/lib/format";

export function formatMessageValues(locale: string, params: Record<string, unknown> = {}): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  // a ratio (e.g. the revaluation coefficient) arrives as numerator/denominator: show it as a decimal too
  if (typeof params.numerator === "number" && typeof params.denominator === "number" && params.denominator !== 0)
    out.coefficient = numberFormat(locale, { maximumFractionDigits: 6 }).format(params.numerator / params.denominator);
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === "number" && k.endsWith("Cents")) out[k] = formatMoney(locale, v);
    else if (typeof v === "number" && k.endsWith("Bp")) out[k] = `${numberFormat(locale).format(v / 100)} %`;
    else if (typeof v === "number" && k.endsWith("Ppm")) out[k] = numberFormat(locale, { maximumFractionDigits: 6 }).format(v / 1_000_000);
    else if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) out[k] = formatDate(locale, v); // …On, on, any ISO date
    else if (typeof v === "string" && k === "category") out[k] = v.replace(/-/g, "_"); // ICU select keys cannot hold "-"
    else if (typeof v === "string") out[k] = v;
    else if (typeof v === "number") out[k] = v;
    else if (typeof v === "boolean") out[k] = String(v);
  }
  return out;
}
