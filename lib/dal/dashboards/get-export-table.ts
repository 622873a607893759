import "server-only";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { INASTI_FIGURES, INASTI_QUERIES } from "@/lib/kpi/inasti";
import type { KpiFilterInput } from "@/lib/schemas/kpi-dashboards";
import { getDashboard } from "@/lib/dal/dashboards/get-dashboard";
import { getIndicatorDrilldown } from "@/lib/dal/dashboards/get-indicator-drilldown";
import { type RawTable, type ExportTableName } from "@/lib/dto/dashboards";
import { getInastiStatistics } from "@/lib/dal/dashboards/get-inasti-statistics";

export async function getExportTable(viewer: Viewer | null, table: string, input: KpiFilterInput & { indicator?: string; year?: string }, today: string): Promise<RawTable> {
  assertPermission(viewer, "dashboard:read");
  switch (table as ExportTableName) {
    case "indicators": {
      const d = await getDashboard(viewer, input, today);
      return {
        name: "indicators", titleKey: "indicators", titleValues: { from: d.filters.from, to: d.filters.to },
        headers: ["indicator", "unit", "value", "target", "onTrack", "count"],
        rows: d.indicators.map((i) => [i.id, i.unit, i.value, i.target, i.onTrack === null ? "" : i.onTrack ? "yes" : "no", i.count]),
      };
    }
    case "trend": {
      const d = await getDashboard(viewer, input, today);
      return {
        name: "trend", titleKey: "trend", titleValues: { from: d.filters.from, to: d.filters.to },
        headers: ["indicator", "month", "value", "count"],
        rows: d.indicators.flatMap((i) => i.trend.map((p) => [i.id, p.month, p.value, p.count])),
      };
    }
    case "outcomes": {
      const d = await getDashboard(viewer, input, today);
      return { name: "outcomes", titleKey: "outcomes", titleValues: { from: d.filters.from, to: d.filters.to }, headers: ["requestType", "status", "count"], rows: d.outcomes.map((o) => [o.requestType, o.status, o.count]) };
    }
    case "workload": {
      const d = await getDashboard(viewer, input, today);
      return { name: "workload", titleKey: "workload", titleValues: { from: d.filters.from, to: d.filters.to }, headers: ["advisor", "open", "late", "resolved"], rows: d.workload.map((w) => [w.name, w.open, w.late, w.resolved]) };
    }
    case "drilldown": {
      const d = await getIndicatorDrilldown(viewer, input.indicator ?? "", input, today);
      return {
        name: d.def.id.slice(0, 31), titleKey: "drilldown", titleValues: { indicator: d.def.id, from: d.filters.from, to: d.filters.to },
        headers: ["reference", "month", "on", "ok", "value", "category", "requestType"],
        rows: d.rows.map((r) => [r.reference, r.month, r.on, r.ok === null ? "" : r.ok ? "yes" : "no", r.value, r.category, r.requestType]),
      };
    }
    case "inasti": {
      const year = Number(input.year ?? today.slice(0, 4));
      const figures = await getInastiStatistics(viewer, year);
      return {
        name: `INASTI ${year}`, titleKey: "inasti", titleValues: { year },
        notes: INASTI_FIGURES.map((f) => `${f}: ${INASTI_QUERIES[f]}`),
        headers: ["figure", "quarter", "key", "value", "unit"],
        rows: figures.map((f) => [f.figure, `${year}-Q${f.quarter}`, f.key, f.value, f.unit]),
      };
    }
    default:
      throw new NotFoundError("export");
  }
}
