"use server";
import { todayInBrussels } from "@/lib/clock";
import { fileAffiliationRequest } from "@/lib/dal/affiliation/file-affiliation-request";
import { affiliationSchema } from "@/lib/schemas/backoffice-affiliation";
import type { ActionResult } from "./result";
import { fields, runAction } from "./run-action";
import { refusedByLimit } from "./client-limits";

/** The public affiliation form (no login): zod schema → DAL → the request's reference. */
export async function fileAffiliationAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ reference: string }>> {
  const limited = await refusedByLimit("publicForm");
  if (limited) return limited;
  return runAction(affiliationSchema, fields(formData), (d, viewer) => fileAffiliationRequest(viewer, d, todayInBrussels()));
}
