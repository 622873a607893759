"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { resetStaffSecondFactor } from "@/lib/dal/account/reset-staff-second-factor";
import type { ActionResult } from "./result";
import { fields, runAction } from "./run-action";

const schema = z.object({ userId: z.string().min(1).max(100) });

export async function resetSecondFactorAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const r = await runAction(schema, fields(formData), async (d, viewer) => void (await resetStaffSecondFactor(viewer, d.userId)));
  if (r.ok) revalidatePath("/staff/accounts");
  return r;
}
