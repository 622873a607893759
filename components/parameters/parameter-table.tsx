import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { figureGroup, figureLabel } from "@/components/parameters/figure-label";
import { type ParameterRow } from "@/lib/dto/parameters";
import { formatFigure } from "@/lib/format";

/** The year's legal figures grouped by subject, in words, euros and percentages, with status and source. */
export async function ParameterTable({ rows, year, canEdit }: { rows: ParameterRow[]; year: number; canEdit: boolean }) {
  const t = await getTranslations("parameters");
  const tl = await getTranslations("parameterText");
  const locale = await getLocale();
  const groups = new Map<string, ParameterRow[]>();
  for (const r of rows) groups.set(figureGroup(r.key), [...(groups.get(figureGroup(r.key)) ?? []), r]);
  return (
    <>
      {[...groups].map(([group, list]) => (
        <Card key={group} title={`${tl(`groups.${group}`)} — ${year}`}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{`${tl(`groups.${group}`)} — ${t("tableTitle", { year })}`}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3">{t("key")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("value")}</th>
                  <th scope="col" className="py-2 pr-3">{t("status")}</th>
                  <th scope="col" className="py-2 pr-3">{t("source")}</th>
                  {canEdit && <th scope="col" className="py-2"><span className="sr-only">{t("actions")}</span></th>}
                </tr>
              </thead>
              <tbody>
                {list.map((r) => {
                  const label = figureLabel(tl, locale, r.key);
                  return (
                    <tr key={r.id} className="border-b border-slate-100 align-top">
                      <td className="py-1 pr-3">{label}</td>
                      <td className="whitespace-nowrap py-1 pr-3 text-right">{r.value === "" ? "—" : formatFigure(locale, r.unit, r.value, r.denominator)}</td>
                      <td className="py-1 pr-3">{r.status === "confirmed" ? t("confirmed") : r.status === "missing" ? t("missing") : t("derived")}{r.changes > 0 && ` · ${t("changed", { count: r.changes })}`}{r.pending && ` · ${t("pendingBadge")}`}</td>
                      <td className="py-1 pr-3"><a href={r.source}>{t("sourceLink")}<span className="sr-only"> — {label}</span></a></td>
                      {canEdit && <td className="py-1"><Link href={`/staff/parameters?year=${year}&edit=${r.id}`}>{t("edit")}<span className="sr-only"> — {label}</span></Link></td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      ))}
    </>
  );
}
