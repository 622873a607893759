import { getLocale, getTranslations } from "next-intl/server";
import type { BenefitCondition } from "@/lib/domain/check-bridging-right";
import { formatCodes } from "@/lib/format";

/** Each condition of a benefit, met or not in words (and an icon, never colour only), with the facts it used. */
export async function ConditionList({ conditions }: { conditions: BenefitCondition[] }) {
  const t = await getTranslations("bn_conditions");
  const locale = await getLocale();
  // the domain's facts in people's words: dates 31/12/2026, quarters T1 2026 (never 2026-12-31, 2026-Q1)
  const shown = (e: BenefitCondition["evidence"]) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k, typeof v === "string" ? formatCodes(locale, v) : v]));
  return (
    <ul className="space-y-2">
      {conditions.map((c) => (
        <li key={c.code} className="rounded border border-slate-200 p-2">
          <p className="font-medium">
            <span className={c.met ? "text-ok-700" : "text-bad-700"}>
              <span aria-hidden="true">{c.met ? "✓ " : "✗ "}</span>
              {c.met ? t("met") : t("notMet")}
            </span>
            {" — "}
            {t(`${c.code}.label` as "met")}
          </p>
          <p className="text-sm text-slate-700">{t(`${c.code}.evidence` as "met", shown(c.evidence))}</p>
        </li>
      ))}
    </ul>
  );
}
