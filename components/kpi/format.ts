// Formats an indicator value for display (numbers only; words come from the catalogue).
import { formatMoney } from "@/lib/format";
import type { KpiUnit } from "@/lib/kpi/indicators";
import { localeTag } from "@/lib/i18n/config";

const tag = (locale: string) => localeTag(locale);

export function formatKpi(locale: string, unit: KpiUnit, value: number | null, daysLabel: (v: string) => string, none: string): string {
  if (value === null) return none;
  switch (unit) {
    case "permille":
      return new Intl.NumberFormat(tag(locale), { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / 1000);
    case "days":
      return daysLabel(new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 }).format(value));
    case "count":
      return new Intl.NumberFormat(tag(locale)).format(value);
    case "cents":
      return formatMoney(locale, value);
  }
}
