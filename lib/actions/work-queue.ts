"use server";
import { revalidatePath } from "next/cache";
import { assignQueueItems } from "@/lib/dal/requests/assign-requests";
import type { BulkAssignment } from "@/lib/dto/requests";
import { bulkAssignSchema } from "@/lib/schemas/work-queue";
import { formInput } from "./form-input";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

/** The work queue's bulk assignment (a form: the ticked lines and one advisor); the queue is read again after it. */
export async function assignQueueItemsAction(_prev: unknown, formData: FormData): Promise<ActionResult<BulkAssignment>> {
  const { items, assigneeId } = formInput(formData, ["items"]);
  return runAction(bulkAssignSchema, { items, assigneeId }, async (d, viewer) => {
    const out = await assignQueueItems(viewer, d);
    revalidatePath("/staff/queues");
    return out;
  });
}
