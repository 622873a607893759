import type { Quarter } from "@/lib/domain/dates";

/** What the dossier says: the end of the activity when known (null: the person gives it) and the quarters with
 *  main-occupation or maxi-status contributions. */
export type ContinuedInsuranceContext = { cessationOn: string | null; qualifyingQuarters: Quarter[] };

/** The continued-insurance page: from which the form computes the conditions before anything is sent. */
export type ContinuedInsuranceOptions =
  | { kind: "no-affiliation" }
  | { kind: "pending"; reference: string }
  | ({ kind: "open"; today: string } & ContinuedInsuranceContext);

export type JointLiabilityCompany = {
  companyAffiliateId: string;
  name: string;
  /** the director's mandates in that company */
  mandates: { fromOn: string; toOn: string | null }[];
  /** every year with a company contribution, newest first, with its deadline and whether it may be asked for */
  years: { year: number; dueOn: string; deadlineOn: string; inMandate: boolean; inTime: boolean; alreadyAsked: boolean; open: boolean }[];
};

/** The release page: the companies the caller directs or directed (affiliated here), with their years. */
export type JointLiabilityOptions = { kind: "no-company" } | { kind: "open"; today: string; companies: JointLiabilityCompany[] };

export type RequestFiled = { reference: string; decisionDueOn: string };
