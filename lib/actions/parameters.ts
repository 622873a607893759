"use server";
import { revalidatePath } from "next/cache";
import { updateParameter } from "@/lib/dal/parameters/update-parameter";
import { parameterUpdateSchema } from "@/lib/schemas/parameter";
import type { ActionResult } from "./result";
import { fields, runAction } from "./run-action";

/** Admin correction of a legal figure (e.g. a 2026 figure still "derived"), with its reason in the audit trail. */
export async function updateParameterAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const r = await runAction(parameterUpdateSchema, fields(formData), async (d, viewer) => void (await updateParameter(viewer, { ...d, value: BigInt(d.value) })));
  if (r.ok) revalidatePath("/staff/parameters");
  return r;
}
