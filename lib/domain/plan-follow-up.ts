// The fund's policy for a payment plan's missed instalments (the law sets none, docs/DOMAIN.md §1.13): an instalment
// still unpaid PLAN_REMINDER_GRACE_DAYS after its due date is reminded once; still unpaid
// PLAN_BREAK_AFTER_REMINDER_DAYS after that reminder, the plan is broken and the recovery it suspended resumes. A
// plan whose instalments are all paid is completed.
import { addDays, type IsoDate } from "./dates";

export const PLAN_REMINDER_GRACE_DAYS = 10;
export const PLAN_BREAK_AFTER_REMINDER_DAYS = 15;

export type FollowedInstalment = { id: string; dueOn: IsoDate; amountCents: number; paidCents: number; remindedOn: IsoDate | null };

export type PlanFollowUp =
  | { action: "completed" }
  | { action: "broken"; instalmentId: string; remindedOn: IsoDate }
  | { action: "remind"; instalmentIds: string[] }
  | { action: "none" };

/** What the follow-up does today with one plan in force. */
export function planFollowUp(instalments: readonly FollowedInstalment[], today: IsoDate): PlanFollowUp {
  const unpaid = instalments.filter((i) => i.paidCents < i.amountCents);
  if (unpaid.length === 0) return { action: "completed" };
  const expired = unpaid.find((i) => i.remindedOn !== null && addDays(i.remindedOn, PLAN_BREAK_AFTER_REMINDER_DAYS) <= today);
  if (expired) return { action: "broken", instalmentId: expired.id, remindedOn: expired.remindedOn! };
  const toRemind = unpaid.filter((i) => i.remindedOn === null && addDays(i.dueOn, PLAN_REMINDER_GRACE_DAYS) < today).map((i) => i.id);
  return toRemind.length > 0 ? { action: "remind", instalmentIds: toRemind } : { action: "none" };
}
