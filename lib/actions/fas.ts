"use server";
import { z } from "zod";
import { todayInBrussels } from "@/lib/clock";
import { rememberDossierChoice } from "@/lib/auth/fas/choice";
import { chooseDirectedCompany } from "@/lib/dal/account/get-my-directed-companies";
import { runAction } from "./run-action";
import type { ActionResult } from "./result";

const schema = z.object({ affiliateId: z.string().min(1).max(64) });

/** Before an eID sign-in into a company's dossier: the caller must direct it today; the choice waits in a short-lived
 *  cookie for the FAS callback, which checks it again against the verified national number. */
export async function chooseCompanyDossierAction(affiliateId: string): Promise<ActionResult<void>> {
  return runAction(schema, { affiliateId }, (d, viewer) => chooseDirectedCompany(viewer, d.affiliateId, todayInBrussels(), rememberDossierChoice));
}
