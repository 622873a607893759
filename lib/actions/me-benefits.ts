"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { todayInBrussels } from "@/lib/clock";
import { confirmMyMaternityAid } from "@/lib/dal/benefits";

const confirmSchema = z.object({ claimId: z.string().min(1).max(64) });

/** The mother confirms the maternity aid the fund offered (a one-button form: works without JavaScript). */
export async function confirmMaternityAidAction(formData: FormData): Promise<void> {
  const parsed = confirmSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  try {
    await confirmMyMaternityAid(await currentViewer(), parsed.data.claimId, todayInBrussels());
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  revalidatePath("/me");
}
