// The one map between the database's enums (upper-case, as stored) and the domain's words (lower-case, hyphenated):
// request types and statuses, categories, recovery steps. Pure: no Prisma client, so forms and the domain's callers
// can import it anywhere.
import type { Category, RecoveryStep, RequestState, RequestType as DomainRequestType } from "@/lib/domain";
import type { Category as DbCategory } from "@/lib/generated/prisma/enums";

export const DB_RECOVERY_STEPS = [
  "REMINDER",
  "ACCOUNT_STATEMENT",
  "FORMAL_NOTICE",
  "PERSONAL_CONTACT",
  "BAILIFF",
  "LAWYER",
  "HEARING",
  "JUDGMENT",
  "SUSPENDED",
  "RESUMED",
  "WRITE_OFF",
  "CLOSED",
] as const;

export type DbRecoveryStep = (typeof DB_RECOVERY_STEPS)[number];

/** The domain's recovery step of a stored step (suspension and resumption are not steps of the path). */
export const RECOVERY_STEP_TO_DOMAIN: Record<DbRecoveryStep, RecoveryStep | null> = {
  REMINDER: "reminder",
  ACCOUNT_STATEMENT: "account-statement",
  FORMAL_NOTICE: "formal-notice",
  PERSONAL_CONTACT: "personal-contact",
  BAILIFF: "bailiff",
  LAWYER: "lawyer",
  HEARING: "proceedings",
  JUDGMENT: "proceedings",
  SUSPENDED: null,
  RESUMED: null,
  WRITE_OFF: "written-off",
  CLOSED: "closed",
};

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
  "END_OF_ACTIVITY",
  "ILLNESS_ASSIMILATION",
  "CONTINUED_INSURANCE",
  "JOINT_LIABILITY_RELEASE",
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

/** A request still waiting for its decision (the fund's or INASTI's). */
export const OPEN_REQUEST_STATUSES: readonly DbRequestStatus[] = ["SUBMITTED", "IN_REVIEW", "INFORMATION_REQUESTED", "AWAITING_SECOND_APPROVAL", "FORWARDED"];

/** Open, or not yet submitted: a second request of the same kind is refused while one of these exists. */
export const PENDING_REQUEST_STATUSES: readonly DbRequestStatus[] = ["DRAFT", ...OPEN_REQUEST_STATUSES];

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

/** Requests whose benefit claim is checked and granted on the staff benefits page. */
export const BENEFIT_REQUEST_TYPES: readonly DbRequestType[] = ["BRIDGING_RIGHT", "CAREGIVER_ALLOWANCE", "MATERNITY_AID"];

export const DB_TO_DOMAIN_CATEGORY = {
  MAIN: "main",
  COMPLEMENTARY: "complementary",
  HELPING_SPOUSE: "helping-spouse",
  STUDENT: "student",
  ACTIVE_PENSIONER: "active-pensioner",
  ART37: "art37",
} as const satisfies Record<DbCategory, Category>;

export function toDomainCategory(category: DbCategory): Category {
  return DB_TO_DOMAIN_CATEGORY[category];
}
