"use server";
import { revalidatePath } from "next/cache";
import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { todayInBrussels } from "@/lib/clock";
import { refreshKpiNow, setKpiTarget } from "@/lib/dal/kpi-dashboards";
import { kpiTargetSchema, type KpiTargetInput } from "@/lib/schemas/kpi-dashboards";
import type { ActionResult } from "./result";

/** "Refresh now": incremental refresh of the pre-aggregated facts. */
export async function refreshKpiAction(_prev: ActionResult<{ months: number }> | null): Promise<ActionResult<{ months: number }>> {
  try {
    const r = await refreshKpiNow(await currentViewer(), todayInBrussels());
    revalidatePath("/staff/dashboards");
    return { ok: true, data: { months: new Set([...r.requestMonths, ...r.ledgerMonths]).size } };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
}

/** A manager sets the target of an indicator (same schema as the form). */
export async function setKpiTargetAction(input: KpiTargetInput): Promise<ActionResult> {
  const parsed = kpiTargetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  try {
    await setKpiTarget(await currentViewer(), { indicator: parsed.data.indicator, target: Number(parsed.data.target) });
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
  revalidatePath("/staff/dashboards");
  return { ok: true, data: undefined };
}
