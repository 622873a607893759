import type { Quarter } from "@/lib/domain/dates";

/** The end-of-activity page: the affiliation in force (its start bounds the last day) and the quarters already
 *  called, from which the page computes the effect of the typed date before anything is sent. */
export type EndOfActivityOptions =
  | { kind: "no-affiliation" }
  | { kind: "pending"; reference: string }
  | { kind: "open"; today: string; affiliationStartOn: string; issuedQuarters: Quarter[] };

export type EndOfActivityFiled = { reference: string; decisionDueOn: string };
