// Formats an indicator value for display (numbers only; words come from the catalogue).
import { formatMoney, numberFormat } from "@/lib/format";
import type { KpiUnit } from "@/lib/kpi/indicators";

export function formatKpi(locale: string, unit: KpiUnit, value: number | null, daysLabel: (v: string) => string, none: string): string {
  if (value === null) return none;
  switch (unit) {
    case "permille":
      return numberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / 1000);
    case "days":
      return daysLabel(numberFormat(locale, { maximumFractionDigits: 1 }).format(value));
    case "count":
      return numberFormat(locale).format(value);
    case "cents":
      return formatMoney(locale, value);
  }
}
