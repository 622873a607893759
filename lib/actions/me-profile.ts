"use server";
import { revalidatePath } from "next/cache";
import { updateMyProfile } from "@/lib/dal/profile/update-my-profile";
import { currentSignIn } from "@/lib/auth/session";
import { checked, profileSchema } from "@/lib/schemas/me-profile";
import type { ActionResult } from "./result";
import { fields, runAction } from "./run-action";

export async function updateProfileAction(_prev: ActionResult<{ reference: string }> | null, formData: FormData): Promise<ActionResult<{ reference: string }>> {
  const r = await runAction(profileSchema, fields(formData), async (d, viewer) => {
    await updateMyProfile(viewer, {
      email: d.email,
      phone: d.phone,
      street: d.street,
      postalCode: d.postalCode,
      city: d.city,
      language: d.language,
      prefs: { email: checked(d.notifyEmail), sms: checked(d.notifySms), paper: checked(d.notifyPaper) },
      refundIban: d.refundIban,
    }, { password: d.currentPassword ?? "", sessionId: (await currentSignIn())?.sid ?? null });
    return { reference: "saved" };
  });
  if (r.ok) revalidatePath("/me/profile");
  return r;
}
