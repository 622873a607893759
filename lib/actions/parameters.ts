"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updateParameter } from "@/lib/dal/parameters/update-parameter";
import { approveParameterChange } from "@/lib/dal/parameters/approve-parameter-change";
import { parameterUpdateSchema } from "@/lib/schemas/parameter";
import type { ActionResult } from "./result";
import { fields, runAction } from "./run-action";

/** Admin correction of a legal figure (e.g. a 2026 figure still "derived"), proposed with its reason; it applies
 *  when a second person approves it. */
export async function updateParameterAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const r = await runAction(parameterUpdateSchema, fields(formData), async (d, viewer) => void (await updateParameter(viewer, d)));
  if (r.ok) revalidatePath("/staff/parameters");
  return r;
}

const approvalSchema = z.object({ changeId: z.string().min(1).max(100), decision: z.enum(["approve", "reject"]) });

/** The second person's approval or rejection of a proposed change. */
export async function approveParameterChangeAction(_prev: ActionResult<"applied" | "rejected"> | null, formData: FormData): Promise<ActionResult<"applied" | "rejected">> {
  // no revalidation here: the form navigates to the page with ?decided=…, which renders it afresh and says what was done
  return runAction(approvalSchema, fields(formData), (d, viewer) => approveParameterChange(viewer, { changeId: d.changeId, approve: d.decision === "approve" }));
}
