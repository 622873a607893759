import { getLocale, getTranslations } from "next-intl/server";
import type { BreakdownLine } from "@/lib/domain";
import { formatDate, formatMoney } from "@/lib/format";

/** Formats a domain parameter by its name's suffix: …Cents → money, …Bp → percent, …Ppm → ratio, …On → date. */
function formatParams(locale: string, params: Record<string, unknown> = {}): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const tag = locale === "nl" ? "nl-BE" : "fr-BE";
  // a ratio (e.g. the revaluation coefficient) arrives as numerator/denominator: show it as a decimal too
  if (typeof params.numerator === "number" && typeof params.denominator === "number" && params.denominator !== 0)
    out.coefficient = (params.numerator / params.denominator).toLocaleString(tag, { maximumFractionDigits: 6 });
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === "number" && k.endsWith("Cents")) out[k] = formatMoney(locale, v);
    else if (typeof v === "number" && k.endsWith("Bp")) out[k] = `${(v / 100).toLocaleString(tag)} %`;
    else if (typeof v === "number" && k.endsWith("Ppm")) out[k] = (v / 1_000_000).toLocaleString(tag, { maximumFractionDigits: 6 });
    else if (typeof v === "string" && k.endsWith("On") && /^\d{4}-\d{2}-\d{2}$/.test(v)) out[k] = formatDate(locale, v);
    else if (typeof v === "string" && k === "category") out[k] = v.replace(/-/g, "_"); // ICU select keys cannot hold "-"
    else if (typeof v === "string") out[k] = v;
    else if (typeof v === "number") out[k] = v;
    else if (typeof v === "boolean") out[k] = String(v);
  }
  return out;
}

/** "How do they get to that amount?": the domain's breakdown lines, rendered in the reader's language. */
export async function Explanation({ lines, namespace = "breakdown" }: { lines: readonly BreakdownLine[]; namespace?: "breakdown" | "ledger" }) {
  const t = await getTranslations(namespace);
  const locale = await getLocale();
  return (
    <ol className="divide-y divide-slate-100">
      {lines.map((line, i) => (
        <li key={i} className="flex justify-between gap-4 py-2">
          <span>{t.has(line.code) ? t(line.code, formatParams(locale, line.params)) : line.code}</span>
          {typeof line.amountCents === "number" && <span className="whitespace-nowrap font-mono">{formatMoney(locale, line.amountCents)}</span>}
        </li>
      ))}
    </ol>
  );
}

export async function ledgerReason(code: string, params: Record<string, unknown>): Promise<string> {
  const t = await getTranslations("ledger");
  const locale = await getLocale();
  return t.has(code) ? t(code, formatParams(locale, params)) : code;
}
