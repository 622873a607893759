import { getLocale, getTranslations } from "next-intl/server";
import type { OpeningRange } from "@/lib/dto/information";
import { dateFormat } from "@/lib/format";

/** The days of the week in words, Monday first (1 January 2024 was a Monday). */
function dayName(locale: string, day: number): string {
  return dateFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, day)));
}

/** Opening hours, Monday to Sunday (a day without a range is closed), as a small table. */
export async function OpeningHours({ ranges, caption }: { ranges: OpeningRange[]; caption: string }) {
  const t = await getTranslations("info_contact");
  const locale = await getLocale();
  const days = [1, 2, 3, 4, 5, 6, 7];
  return (
    <table className="w-full max-w-sm text-left">
      <caption className="text-left font-medium">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{t("day")}</th>
          <th scope="col">{t("hours")}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => {
          const of = ranges.filter((r) => r.day === d);
          return (
            <tr key={d}>
              <th scope="row" className="pr-6 font-normal capitalize">{dayName(locale, d)}</th>
              <td>{of.length === 0 ? t("closed") : of.map((r) => t("range", { opens: r.opens, closes: r.closes })).join(", ")}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
