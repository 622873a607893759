// The request workflow on stored statuses, around the domain's state machine (lib/domain/transition-request.ts):
// which decisions are offered and allowed, which need a second staff member (AWAITING_SECOND_APPROVAL is a stored
// status the domain does not know), and the INASTI steps.
import { allowedRequestTransitions, isInastiDecided, transitionRequest, type RequestState } from "@/lib/domain";
import { toDomainType, toDomainState, type DbRequestType, type DbRequestStatus } from "@/lib/db/enums";
import { DECISIONS, type Decision } from "@/lib/dto/requests";

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

/** Exemptions and surcharge waivers: forwarded to INASTI, whose decision is recorded (docs/domain.md §7.1, §7.3). */
export function isInastiRequest(type: DbRequestType): boolean {
  return isInastiDecided(toDomainType(type));
}

/** The INASTI steps open on a request now: forward it (in review), or record INASTI's decision (forwarded). */
export function inastiStep(type: DbRequestType, status: DbRequestStatus): "forward" | "record" | null {
  if (!isInastiRequest(type) || status === "AWAITING_SECOND_APPROVAL") return null;
  if (status === "FORWARDED") return "record";
  return transitionRequest(toDomainType(type), toDomainState(status), "forwarded").ok ? "forward" : null;
}
