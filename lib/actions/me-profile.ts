"use server";
import { revalidatePath } from "next/cache";
import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { updateMyProfile } from "@/lib/dal/me-profile";
import { checked, profileSchema } from "@/lib/schemas/me-profile";
import type { ActionResult } from "./result";

export async function updateProfileAction(_prev: ActionResult<{ reference: string }> | null, formData: FormData): Promise<ActionResult<{ reference: string }>> {
  const parsed = profileSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  const d = parsed.data;
  try {
    const r = await updateMyProfile(await currentViewer(), {
      email: d.email,
      phone: d.phone,
      street: d.street,
      postalCode: d.postalCode,
      city: d.city,
      language: d.language,
      prefs: { email: checked(d.notifyEmail), sms: checked(d.notifySms), paper: checked(d.notifyPaper) },
      refundIban: d.refundIban,
    });
    if (!r.ok) return { ok: false, code: r.code, fieldErrors: { refundIban: [r.code] } };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
  revalidatePath("/me/profile");
  return { ok: true, data: { reference: "saved" } };
}
