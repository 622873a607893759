// The shapes the dashboard pages and components receive.
export type { KpiFilters, Dashboard, DrillRow, IndicatorSummary } from "@/lib/kpi/queries";
export type { InastiFigure } from "@/lib/kpi/inasti";
