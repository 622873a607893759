// A non-manager (advisor, affiliate, anonymous) gets NotFoundError from every dashboard DAL and export function.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { prisma as appPrisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { getDashboard } from "@/lib/dal/dashboards/get-dashboard";
import { getIndicatorDrilldown } from "@/lib/dal/dashboards/get-indicator-drilldown";
import { listKpiTargets } from "@/lib/dal/dashboards/list-kpi-targets";
import { refreshKpiNow } from "@/lib/dal/dashboards/refresh-kpi-now";
import { setKpiTarget } from "@/lib/dal/dashboards/set-kpi-target";
import { EXPORT_TABLES } from "@/lib/dto/dashboards";
import { getExportTable } from "@/lib/dal/dashboards/get-export-table";
import { getInastiStatistics } from "@/lib/dal/dashboards/get-inasti-statistics";
import { INASTI_FIGURES } from "@/lib/kpi/inasti";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));
const TODAY = "2026-11-28";

describe("dashboard access", () => {
  it("answers not found to advisors, affiliates and anonymous callers on every function", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    for (const viewer of [advisor, a.viewer, null]) {
      const calls: (() => Promise<unknown>)[] = [
        () => getDashboard(viewer, {}, TODAY),
        () => getIndicatorDrilldown(viewer, "decision_4m", {}, TODAY),
        () => listKpiTargets(viewer),
        () => setKpiTarget(viewer, { indicator: "decision_4m", target: 1 }),
        () => refreshKpiNow(viewer, TODAY),
        () => getInastiStatistics(viewer, 2026),
        ...EXPORT_TABLES.map((t) => () => getExportTable(viewer, t, { indicator: "decision_4m", year: "2026" }, TODAY)),
      ];
      for (const call of calls) await expect(call()).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await prisma.kpiTarget.count()).toBe(0);
    expect(await prisma.jobRun.count()).toBe(0);
  });

  it("lets managers and admins export every table; unknown tables and indicators are not found", async () => {
    await affiliateWithCall(prisma, "Alpha");
    const { viewer: manager } = await staffUser(prisma, "MANAGER");
    const { viewer: admin } = await staffUser(prisma, "ADMIN");
    await refreshKpiNow(manager, TODAY);
    for (const t of EXPORT_TABLES) {
      const table = await getExportTable(admin, t, { indicator: "collection_rate", year: "2026", from: "2026-01", to: "2026-11" }, TODAY);
      expect(table.headers.length).toBeGreaterThan(0);
    }
    await expect(getExportTable(manager, "secrets", {}, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getIndicatorDrilldown(manager, "nope", {}, TODAY)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("INASTI statistics", () => {
  it("reports affiliates, contributions called and collected per quarter from the documented queries", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    await affiliateWithCall(prisma, "Bravo");
    const { viewer: manager } = await staffUser(prisma, "MANAGER");
    const figures = await getInastiStatistics(manager, 2026);
    const get = (figure: string, quarter: number, key: string) => figures.find((f) => f.figure === figure && f.quarter === quarter && f.key === key)?.value;
    expect(get("affiliates_active", 1, "MAIN")).toBe(2);
    expect(get("contributions_called", 1, "PROVISIONAL")).toBe(2 * a.contribution.totalCents);
    expect(get("contributions_called", 2, "PROVISIONAL")).toBeUndefined();
    expect(get("surcharges", 1, "SURCHARGE")).toBe(0);
    const file = await getExportTable(manager, "inasti", { year: "2026" }, TODAY);
    expect(file.notes).toHaveLength(INASTI_FIGURES.length);
    expect(file.rows).toContainEqual(["contributions_called", "2026-Q1", "PROVISIONAL", 2 * a.contribution.totalCents, "cents"]);
  });
});
