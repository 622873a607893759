import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, formatMoney } from "@/lib/format";

/**
 * A request event's recorded reason ("proposal:refuse — noObjectiveElements — text", "inasti.accepted:2026-03-02:REF",
 * "benefit.granted — 12 × 200000"…) as a sentence for the history: each part named in the reader's language, dates
 * and amounts for people; the advisor's own words kept as written.
 */
export async function eventSentences(): Promise<(reason: string) => string> {
  const t = await getTranslations("bo_events");
  const td = await getTranslations("bo_request.decisions");
  const tr = await getTranslations("bo_reasons");
  const tp = await getTranslations("ss_status.refusals");
  const locale = await getLocale();
  const decision = (d: string) => (td.has(d) ? td(d) : t.has(`decisions.${d}`) ? t(`decisions.${d}`) : d);
  const part = (p: string): string => {
    let m: RegExpExecArray | null;
    if ((m = /^proposal:inasti\.accepted:(\d{4}-\d{2}-\d{2}):(.*)$/.exec(p))) return t("proposalInasti", { date: formatDate(locale, m[1]), reference: m[2] });
    if ((m = /^(proposal|approved|rejected):([a-z.-]+)(?: \((.*)\))?$/.exec(p))) return t(m[1], { decision: decision(m[2]), note: m[3] || "none" });
    if ((m = /^approved(?: \((.*)\))?$/.exec(p))) return t("approvedInasti");
    if ((m = /^inasti\.(accepted|refused):(\d{4}-\d{2}-\d{2}):(.*)$/.exec(p))) return t("inasti", { outcome: m[1], date: formatDate(locale, m[2]), reference: m[3] });
    if ((m = /^inasti\.forwarded:(\d{4}-\d{2}-\d{2})$/.exec(p))) return t("inastiForwarded", { date: formatDate(locale, m[1]) });
    if ((m = /^plan\.outsidePolicy:(.*)$/.exec(p))) return t("outsidePolicy", { reasons: m[1].split(",").filter(Boolean).map((x) => (tp.has(x) ? tp(x) : x)).join(" ") });
    if ((m = /^(\d+) × (\d+)$/.exec(p))) return t("grant", { months: Number(m[1]), amount: formatMoney(locale, Number(m[2])) });
    if (tr.has(p)) return tr(p);
    if (t.has(`codes.${p.replace(/\./g, "_")}`)) return t(`codes.${p.replace(/\./g, "_")}`);
    return p;
  };
  return (reason: string) => reason.split(" — ").map(part).filter(Boolean).join(" — ");
}
