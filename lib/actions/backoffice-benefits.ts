"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { todayInBrussels } from "@/lib/clock";
import { BackofficeError } from "@/lib/backoffice/errors";
import { grantClaim, markSentToHealthInsurer, recordBenefitPayment } from "@/lib/dal/benefits";
import { benefitPaymentSchema, grantSchema, sentToHealthInsurerSchema } from "@/lib/schemas/benefits";
import { eurosToCents } from "@/lib/schemas/backoffice-forms";
import type { ActionResult } from "./result";

// Thin server actions of the advisors' benefit handling: zod schema → DAL (which checks the viewer) → ActionResult.
// Error codes are message keys under bn_errors.

async function run<S extends z.ZodType>(schema: S, formData: FormData, fn: (data: z.infer<S>) => Promise<string | void>): Promise<ActionResult<string | undefined>> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, code: "validation", fieldErrors };
  }
  try {
    return { ok: true, data: (await fn(parsed.data)) ?? undefined };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    if (error instanceof BackofficeError) return { ok: false, code: error.code };
    throw error;
  }
}

export async function grantClaimAction(_prev: unknown, formData: FormData) {
  return run(grantSchema, formData, async (d) => {
    await grantClaim(await currentViewer(), d, todayInBrussels());
    revalidatePath(`/staff/benefits/${d.claimId}`);
    revalidatePath("/staff/benefits");
    return "granted";
  });
}

export async function recordBenefitPaymentAction(_prev: unknown, formData: FormData) {
  return run(benefitPaymentSchema, formData, async (d) => {
    const out = await recordBenefitPayment(await currentViewer(), { claimId: d.claimId, amountCents: eurosToCents(d.amount) ?? -1, paidOn: d.paidOn }, todayInBrussels());
    revalidatePath(`/staff/benefits/${d.claimId}`);
    revalidatePath("/staff/benefits");
    return out.interestCents > 0 ? "paymentWithInterest" : "paymentRecorded";
  });
}

export async function markSentToHealthInsurerAction(_prev: unknown, formData: FormData) {
  return run(sentToHealthInsurerSchema, formData, async (d) => {
    const out = await markSentToHealthInsurer(await currentViewer(), d);
    revalidatePath(`/staff/benefits/${out.claimId}`);
    revalidatePath("/staff/benefits");
    return "sent";
  });
}
