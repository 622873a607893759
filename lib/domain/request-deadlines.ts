// Time left before a legal deadline and its badge (text, not colour only). Pure: "today" is an argument.

import { addDays, daysBetween, maxDate } from "./dates";

export const AT_RISK_DAYS = 14;

/** "forwarded": the request is with INASTI, whose decision clock it is — the fund's deadline no longer runs. */
export type DeadlineBadge = "on-time" | "at-risk" | "late" | "paused" | "forwarded";

/**
 * The deadline that applies today. While information is awaited the clock is paused (Charte art. 10): the
 * stored due date is pushed by every day since the pause began.
 */
export function effectiveDueOn(input: { dueOn: string; pausedSince: string | null; today: string }): string {
  if (!input.pausedSince) return input.dueOn;
  const since = input.pausedSince;
  const to = maxDate(input.today, since);
  return addDays(input.dueOn, daysBetween(since, to));
}

export function daysLeft(dueOn: string, today: string): number {
  return daysBetween(today, dueOn);
}

export function deadlineBadge(input: { dueOn: string; today: string; paused: boolean; forwarded?: boolean }): DeadlineBadge {
  if (input.forwarded) return "forwarded";
  if (input.paused) return "paused";
  const left = daysLeft(input.dueOn, input.today);
  if (left < 0) return "late";
  if (left <= AT_RISK_DAYS) return "at-risk";
  return "on-time";
}

/** Days the affiliate is given to answer an advisor's request for information (the fund's practice, not a legal
 *  figure: the decision clock stays paused however long the answer takes). */
export const INFORMATION_REPLY_DAYS = 30;

export function informationReplyDueOn(askedOn: string): string {
  return addDays(askedOn, INFORMATION_REPLY_DAYS);
}
