// Pure helpers of the back office around the domain's request state machine (lib/domain/transition-request.ts):
// mapping of the database statuses, which decisions need a second staff member, and the deadline that applies.
import {
  allowedRequestTransitions,
  isInastiDecided,
  transitionRequest,
  type RequestState,
  type RequestType as DomainRequestType,
} from "@/lib/domain";
import { addDays, addMonths, buildInstalmentSchedule, policyRefusals, DEFAULT_PAYMENT_PLAN_POLICY, type PaymentPlanRefusal } from "@/lib/domain";

export const DB_REQUEST_TYPES = [
  "AFFILIATION",
  "PAYMENT_PLAN",
  "REDUCTION",
  "INCREASE",
  "EXEMPTION",
  "SURCHARGE_WAIVER",
  "MATERNITY_AID",
  "BRIDGING_RIGHT",
  "CAREGIVER_ALLOWANCE",
  "QUESTION",
  "COMPLAINT",
] as const;
export type DbRequestType = (typeof DB_REQUEST_TYPES)[number];

export const DB_REQUEST_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "INFORMATION_REQUESTED",
  "AWAITING_SECOND_APPROVAL",
  "FORWARDED",
  "ACCEPTED",
  "REFUSED",
  "WITHDRAWN",
  "CLOSED",
] as const;
export type DbRequestStatus = (typeof DB_REQUEST_STATUSES)[number];

export const OPEN_REQUEST_STATUSES: readonly DbRequestStatus[] = ["SUBMITTED", "IN_REVIEW", "INFORMATION_REQUESTED", "AWAITING_SECOND_APPROVAL", "FORWARDED"];

export function toDomainType(type: DbRequestType): DomainRequestType {
  return type.toLowerCase().replaceAll("_", "-") as DomainRequestType;
}

/** The domain state of a stored status. A proposal awaiting its second approval is still "in review" for the
 *  domain (the decision is not taken yet). */
export function toDomainState(status: DbRequestStatus): RequestState {
  if (status === "AWAITING_SECOND_APPROVAL") return "in-review";
  return status.toLowerCase().replaceAll("_", "-") as RequestState;
}

export function toDbStatus(state: RequestState): DbRequestStatus {
  return state.toUpperCase().replaceAll("-", "_") as DbRequestStatus;
}

/** What an advisor can do on a request. */
export const DECISIONS = ["start-review", "accept", "refuse", "ask-information", "information-received", "close"] as const;
export type Decision = (typeof DECISIONS)[number];

const TARGET: Record<Decision, RequestState> = {
  "start-review": "in-review",
  accept: "accepted",
  refuse: "refused",
  "ask-information": "information-requested",
  "information-received": "in-review",
  close: "closed",
};

export function decisionTarget(decision: Decision): RequestState {
  return TARGET[decision];
}

/** The decision, checked against the domain's state machine. */
export function checkDecision(type: DbRequestType, status: DbRequestStatus, decision: Decision) {
  if (status === "AWAITING_SECOND_APPROVAL") return { ok: false as const, code: "fourEyesPending" };
  // a request forwarded to INASTI is decided by INASTI: its decision is recorded (recordInastiDecision), not taken
  if (status === "FORWARDED") return { ok: false as const, code: "forwardedToInasti" };
  return transitionRequest(toDomainType(type), toDomainState(status), TARGET[decision]);
}

/** Decisions offered on a request in its current status. */
export function availableDecisions(type: DbRequestType, status: DbRequestStatus): Decision[] {
  if (status === "AWAITING_SECOND_APPROVAL" || status === "FORWARDED") return [];
  const allowed = allowedRequestTransitions(toDomainType(type), toDomainState(status));
  return DECISIONS.filter((d) => {
    if (d === "information-received" && status !== "INFORMATION_REQUESTED") return false;
    if (d === "start-review" && status === "INFORMATION_REQUESTED") return false;
    return allowed.includes(TARGET[d]);
  });
}

export type PlanTerms = { debtCents: number; advanceCents: number; months: number; firstInstalmentOn: string };

/** Refusals of the fund's payment-plan policy for these terms (empty = within policy). */
export function planOutsidePolicy(terms: PlanTerms): PaymentPlanRefusal[] {
  return policyRefusals(terms, DEFAULT_PAYMENT_PLAN_POLICY);
}

/** Four eyes: every refusal, and a payment plan accepted outside the fund's policy, needs a second staff member. */
export function needsSecondApproval(input: { type: DbRequestType; decision: Decision; planRefusals?: readonly string[] }): boolean {
  if (input.decision === "refuse") return true;
  if (input.decision === "accept" && input.type === "PAYMENT_PLAN") return (input.planRefusals ?? []).length > 0;
  return false;
}

/** Questions and complaints are answered within 45 days (information); other requests are decided within 4 months. */
export function deadlineKind(type: DbRequestType): "information" | "decision" {
  return type === "QUESTION" || type === "COMPLAINT" ? "information" : "decision";
}

export type FourEyesCheck = { ok: true } | { ok: false; code: "fourEyesSameStaff" | "fourEyesNothingToApprove" };

/** The proposer of a four-eyes decision can never approve it. */
export function checkSecondApprover(input: { status: DbRequestStatus; proposedById: string | null; approverId: string }): FourEyesCheck {
  if (input.status !== "AWAITING_SECOND_APPROVAL" || !input.proposedById) return { ok: false, code: "fourEyesNothingToApprove" };
  if (input.proposedById === input.approverId) return { ok: false, code: "fourEyesSameStaff" };
  return { ok: true };
}

/** Exemptions and surcharge waivers: forwarded to INASTI, whose decision is recorded (DOMAIN.md §1.12, §1.14). */
export function isInastiRequest(type: DbRequestType): boolean {
  return isInastiDecided(toDomainType(type));
}

/** The INASTI steps open on a request now: forward it (in review), or record INASTI's decision (forwarded). */
export function inastiStep(type: DbRequestType, status: DbRequestStatus): "forward" | "record" | null {
  if (!isInastiRequest(type)) return null;
  if (status === "FORWARDED") return "record";
  return transitionRequest(toDomainType(type), toDomainState(status), "forwarded").ok ? "forward" : null;
}

/** Requests whose benefit claim is checked and granted on the staff benefits page. */
export const BENEFIT_REQUEST_TYPES: readonly DbRequestType[] = ["BRIDGING_RIGHT", "CAREGIVER_ALLOWANCE", "MATERNITY_AID"];

/** Days the advance of a plan is due after the plan is put in force (as for the affiliate's own plan request). */
export const PLAN_ADVANCE_DAYS = 15;

/**
 * The schedule of a plan an advisor accepted — inside the fund's policy, or outside it with a second staff
 * member's approval: the domain's schedule under the policy widened to what was approved (the number of months,
 * any instalment size). Impossible terms (no debt, an advance above the debt) stay refused.
 */
export function approvedPlanSchedule(terms: { debtCents: number; advanceCents: number; months: number }, today: string) {
  const firstInstalmentOn = addMonths(today, 1);
  const policy = { ...DEFAULT_PAYMENT_PLAN_POLICY, maxMonths: Math.max(terms.months, DEFAULT_PAYMENT_PLAN_POLICY.maxMonths), minInstalmentCents: 0 };
  const schedule = buildInstalmentSchedule({ ...terms, firstInstalmentOn }, policy);
  return schedule.ok ? { ok: true as const, advanceDueOn: addDays(today, PLAN_ADVANCE_DAYS), firstInstalmentOn, instalments: schedule.instalments } : schedule;
}
