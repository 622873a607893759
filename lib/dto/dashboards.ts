// The shapes the dashboard pages and components receive, and the downloadable tables.
export type { KpiFilters, Dashboard, DrillRow, IndicatorSummary } from "@/lib/kpi/queries";
export type { InastiFigure } from "@/lib/kpi/inasti";

import type { Cell } from "@/lib/kpi/export";
import type { Category } from "@/lib/generated/prisma/enums";

export type RawTable = { name: string; titleKey: string; titleValues?: Record<string, string | number>; notes?: string[]; headers: string[]; rows: Cell[][] };

export const EXPORT_TABLES = ["indicators", "trend", "outcomes", "workload", "drilldown", "inasti"] as const;

export type ExportTableName = (typeof EXPORT_TABLES)[number];

export type ManagerOverview = {
  affiliatesByCategory: { category: Category; count: number }[];
  companies: number;
  openRequestsByType: { type: string; count: number }[];
  openRequests: number;
};
