"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { currentViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { ACTING_COOKIE } from "@/lib/dto/accountants";
import { openClientFile } from "@/lib/dal/accountants/open-client-file";
import { todayInBrussels } from "@/lib/clock";
import { grantMyAccountantMandate } from "@/lib/dal/accountants/grant-my-accountant-mandate";
import { revokeMyAccountantMandate } from "@/lib/dal/accountants/revoke-my-accountant-mandate";
import { answerMandateRequest } from "@/lib/dal/accountants/answer-mandate-request";
import { askClientMandate } from "@/lib/dal/accountants/ask-client-mandate";
import { answerMandateSchema, askMandateSchema, grantMandateSchema, mandateIdSchema, ticked } from "@/lib/schemas/accountants";
import type { ActionResult } from "./result";
import { fields, runAction } from "./run-action";

type Done = ActionResult<{ reference: string }>;

/** The affiliate gives their accountant a mandate. */
export async function grantMandateAction(_prev: Done | null, formData: FormData): Promise<Done> {
  const r = await runAction(grantMandateSchema, fields(formData), async (d, viewer) => {
    const out = await grantMyAccountantMandate(viewer, todayInBrussels(), {
      itaaNumber: d.itaaNumber,
      canFileRequests: ticked(d.canFileRequests),
      receivesNotices: ticked(d.receivesNotices),
      validFrom: d.validFrom,
      validUntil: d.validUntil || null,
    });
    return { reference: out.accountantName };
  });
  if (r.ok) revalidatePath("/me/accountant");
  return r;
}

/** The affiliate revokes a mandate (or withdraws from an accountant's request); the page then says it is done (its
 *  row changes state, so the answer is said above the list, not in the button that no longer shows). */
export async function revokeMandateAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const r = await runAction(mandateIdSchema, fields(formData), async (d, viewer) => { await revokeMyAccountantMandate(viewer, d.id); return undefined; });
  if (!r.ok) return r;
  redirect("/me/accountant?done=revoked");
}

/** The affiliate accepts or refuses an accountant's request for a mandate. */
export async function answerMandateAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const r = await runAction(answerMandateSchema, fields(formData), async (d, viewer) => { await answerMandateRequest(viewer, d.id, d.answer); return d.answer; });
  if (!r.ok) return r;
  redirect(`/me/accountant?done=${r.data === "accept" ? "accepted" : "refused"}`);
}

/** The accountant asks a client for a mandate. */
export async function askMandateAction(_prev: Done | null, formData: FormData): Promise<Done> {
  const r = await runAction(askMandateSchema, fields(formData), async (d, viewer) => {
    await askClientMandate(viewer, todayInBrussels(), { identifier: d.identifier, canFileRequests: ticked(d.canFileRequests), receivesNotices: ticked(d.receivesNotices), validUntil: d.validUntil || null });
    return { reference: "asked" };
  });
  if (r.ok) revalidatePath("/portfolio");
  return r;
}

/** The accountant opens a client's file: the mandate is checked, the visit logged for the client, and the portal shows
 *  the client's pages (/me) within the rights granted until the accountant opens another client. */
export async function openClientAction(formData: FormData): Promise<void> {
  const id = String(formData.get("clientId") ?? "");
  const viewer = await currentViewer();
  try {
    await openClientFile(viewer, id, todayInBrussels());
  } catch (error) {
    if (error instanceof AppError && error.kind === "notFound") notFound();
    throw error;
  }
  (await cookies()).set(ACTING_COOKIE, id, { path: "/", sameSite: "lax", httpOnly: false, secure: process.env.NODE_ENV === "production" });
  redirect("/me");
}
