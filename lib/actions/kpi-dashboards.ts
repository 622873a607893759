"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { todayInBrussels } from "@/lib/clock";
import { refreshKpiNow } from "@/lib/dal/dashboards/refresh-kpi-now";
import { setKpiTarget } from "@/lib/dal/dashboards/set-kpi-target";
import { kpiTargetSchema, type KpiTargetInput } from "@/lib/schemas/kpi-dashboards";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

/** "Refresh now": incremental refresh of the pre-aggregated facts. */
export async function refreshKpiAction(_prev: ActionResult<{ months: number }> | null): Promise<ActionResult<{ months: number }>> {
  const r = await runAction(z.object({}), {}, async (_d, viewer) => {
    const out = await refreshKpiNow(viewer, todayInBrussels());
    return { months: new Set([...out.requestMonths, ...out.ledgerMonths]).size };
  });
  if (r.ok) revalidatePath("/staff/dashboards");
  return r;
}

/** A manager sets the target of an indicator (same schema as the form). */
export async function setKpiTargetAction(input: KpiTargetInput): Promise<ActionResult> {
  const r = await runAction(kpiTargetSchema, input, async (d, viewer) => void (await setKpiTarget(viewer, { indicator: d.indicator, target: Number(d.target) })));
  if (r.ok) revalidatePath("/staff/dashboards");
  return r;
}
