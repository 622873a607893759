"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { redirect } from "next/navigation";
import { todayInBrussels } from "@/lib/clock";
import { recordDossierContact } from "@/lib/dal/dossiers/record-dossier-contact";
import { saveBulletin } from "@/lib/dal/bulletins/save-bulletin";
import { publishBulletin } from "@/lib/dal/bulletins/publish-bulletin";
import { setMyBulletinTopics } from "@/lib/dal/profile/set-my-bulletin-topics";
import { bulletinSchema, contactSchema, topicsSchema } from "@/lib/schemas/information";
import { formInput, uploadsOf } from "./form-input";
import type { ActionResult } from "./result";
import { fields, runAction } from "./run-action";

// The information channels' server actions (issue #18): a contact recorded on a dossier, an issue of the bulletin
// written and published, the affiliate's bulletin topics. Error codes are keys under ss_form.errors.

type Done = ActionResult<{ reference: string }>;

export async function recordContactAction(_prev: Done | null, formData: FormData): Promise<Done> {
  const r = await runAction(contactSchema, formInput(formData), async (d, viewer) => {
    await recordDossierContact(viewer, { affiliateId: d.affiliateId, channel: d.channel, occurredOn: d.occurredOn, summary: d.summary }, await uploadsOf((d.evidence ?? []) as File[]), todayInBrussels());
    return { reference: "recorded" };
  });
  if (r.ok) revalidatePath(`/staff/dossiers/${String(formData.get("affiliateId"))}`);
  return r;
}

/** Saves a draft issue; a new one opens on its own page (preview, publish). */
export async function saveBulletinAction(_prev: Done | null, formData: FormData): Promise<Done> {
  const r = await runAction(bulletinSchema, fields(formData), async (d, viewer) => saveBulletin(viewer, { ...d, id: d.id || undefined }));
  if (!r.ok) return r;
  if (!formData.get("id")) redirect(`/staff/bulletins/${r.data.id}?saved=1`);
  revalidatePath(`/staff/bulletins/${r.data.id}`);
  return { ok: true, data: { reference: "saved" } };
}

/** Publishes an issue (bound to its id), then shows it with how many e-mails were queued. */
export async function publishBulletinAction(id: string): Promise<void> {
  const r = await runAction(z.object({}), {}, async (_d, viewer) => publishBulletin(viewer, id));
  if (!r.ok) redirect(`/staff/bulletins/${encodeURIComponent(id)}?error=${r.code}`);
  revalidatePath("/bulletin");
  redirect(`/staff/bulletins/${encodeURIComponent(id)}?${r.data.alreadyPublished ? "already=1" : `published=${r.data.queued}`}`);
}

export async function setMyBulletinTopicsAction(_prev: Done | null, formData: FormData): Promise<Done> {
  const r = await runAction(topicsSchema, formInput(formData, ["topics"]), async (d, viewer) => {
    await setMyBulletinTopics(viewer, d.topics);
    return { reference: "saved" };
  });
  if (r.ok) revalidatePath("/me/profile");
  return r;
}
