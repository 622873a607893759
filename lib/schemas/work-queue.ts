import { z } from "zod";

// The work queue's bulk assignment: the ticked lines ("request:<id>" or "thread:<id>") and one advisor. Error
// messages are message keys under bo_errors.

export const QUEUE_BULK_MAX = 100;

const line = z
  .string()
  .regex(/^(request|thread):[A-Za-z0-9_-]{1,100}$/, "notFound")
  .transform((v) => {
    const [kind, id] = v.split(":") as ["request" | "thread", string];
    return { kind, id };
  });

export const bulkAssignSchema = z.object({
  items: z.array(line).min(1, "selectLines").max(QUEUE_BULK_MAX, "tooManyLines"),
  assigneeId: z.string().trim().min(1, "assigneeNotAdvisor").max(100, "assigneeNotAdvisor"),
});
