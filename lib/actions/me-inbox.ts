"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markMyNotificationsRead } from "@/lib/dal/account/list-my-notifications";
import { fields, runAction } from "./run-action";

const markSchema = z.object({ id: z.string().max(64).optional().default("") });

/** Marks one notice (id) or all of the caller's notices as read: a one-button form that works without JavaScript. */
export async function markNotificationsReadAction(formData: FormData): Promise<void> {
  await runAction(markSchema, fields(formData), (d, viewer) => markMyNotificationsRead(viewer, d.id ? [d.id] : "all"));
  revalidatePath("/me/inbox");
  revalidatePath("/me");
}
