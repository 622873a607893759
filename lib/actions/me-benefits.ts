"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { todayInBrussels } from "@/lib/clock";
import { confirmMyMaternityAid } from "@/lib/dal/benefits/confirm-my-maternity-aid";
import { fields, runAction } from "./run-action";

const confirmSchema = z.object({ claimId: z.string().min(1).max(64) });

/** The mother confirms the maternity aid the fund offered (a one-button form: works without JavaScript; a claim
 *  that is not hers, or no longer offered, changes nothing). */
export async function confirmMaternityAidAction(formData: FormData): Promise<void> {
  await runAction(confirmSchema, fields(formData), (d, viewer) => confirmMyMaternityAid(viewer, d.claimId, todayInBrussels()));
  revalidatePath("/me");
}
