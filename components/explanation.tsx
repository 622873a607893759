import { getLocale, getTranslations } from "next-intl/server";
import type { BreakdownLine } from "@/lib/domain";
import { formatMoney } from "@/lib/format";
import { formatMessageValues as formatParams } from "@/lib/format-values";

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
