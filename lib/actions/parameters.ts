"use server";
import { revalidatePath } from "next/cache";
import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { updateParameter } from "@/lib/dal/parameters";
import { parameterUpdateSchema } from "@/lib/schemas/parameter";
import type { ActionResult } from "./result";

/** Admin correction of a legal figure (e.g. a 2026 figure still "derived"), with its reason in the audit trail. */
export async function updateParameterAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = parameterUpdateSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ok: false, code: "validation", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  }
  try {
    await updateParameter(await currentViewer(), { ...parsed.data, value: BigInt(parsed.data.value) });
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
  revalidatePath("/staff/parameters");
  return { ok: true, data: undefined };
}
