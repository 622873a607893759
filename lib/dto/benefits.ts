// The shapes of the benefit screens: the affiliate's offers and claims, the advisor's claim lists and claim page.
import { type BenefitCheck } from "@/lib/domain/check-bridging-right";
import { type BenefitAcceptance } from "@/lib/domain/benefit-acceptance";
import { type DeadlineBadge } from "@/lib/domain/request-deadlines";

export type BenefitOffer = {
  id: string;
  type: "MATERNITY_AID" | "BRIDGING_RIGHT" | "CAREGIVER_ALLOWANCE";
  status: string;
  offeredOn: string | null;
  paymentDueOn: string | null;
  requestReference: string | null;
  monthlyAmountCents: number | null;
  months: number | null;
  paidCents: number;
  interestPaidCents: number;
  lastPaidOn: string | null;
  /** the next monthly payment expected (granted money benefits not fully paid), null otherwise */
  nextPayment: { amountCents: number; dueOn: string } | null;
};

export type Grant = { months: number; monthlyAmountCents: number; grantedOn: string; firstMonthOn: string };

/** What every staff view of a claim names: the claim and its dossier. */
export type ClaimIdentity = {
  id: string;
  type: "MATERNITY_AID" | "BRIDGING_RIGHT" | "CAREGIVER_ALLOWANCE";
  status: string;
  affiliateId: string;
  dossierName: string;
  memberNumber: string;
  grantedAutomatically: boolean;
  filedOn: string | null;
};

export type ClaimListRow = ClaimIdentity & {
  reference: string | null;
  /** the payment deadline (granted) or, before the decision, the request's decision deadline */
  dueOn: string | null;
  deadline: "payment" | "decision" | null;
  daysLeft: number | null;
  badge: DeadlineBadge | null;
};

export type BridgingPayload = { case?: string; eventOn?: string; familyCharge?: boolean; motivation?: string };

export type CaregiverPayload = { interruption?: string; startOn?: string; months?: number; careFor?: string; motivation?: string };

export type StaffClaimView = ClaimIdentity & {
  paymentDueOn: string | null;
  monthlyAmountCents: number | null;
  request: { id: string; reference: string; status: string; payload: Record<string, unknown>; filedOn: string; decisionDueOn: string | null } | null;
  evidence: { id: string; fileName: string; createdAt: string }[];
  check: BenefitCheck | null;
  /** the parameter year the amounts come from */
  parameterYear: number;
  grant: Grant | null;
  entitlementCents: number | null;
  paidCents: number;
  interestCents: number;
  /** maternity aid: the vouchers count from the year's parameters (null when missing) */
  vouchers: number | null;
  nextInstalmentDueOn: string | null;
  canGrant: boolean;
  canPay: boolean;
  payments: { id: string; amountCents: number; interestCents: number; paidOn: string; dueOn: string; sentToHealthInsurerAt: string | null }[];
};

export type UnsentPayment = { id: string; claimId: string; type: string; dossierName: string; memberNumber: string; amountCents: number; interestCents: number; paidOn: string };

export type BenefitFiled = { reference: string; decisionDueOn: string; late: boolean };

/** The decision side of a bridging-right or caregiver request on its staff page: its conditions, what accepting it
 *  means (grant, override for a second advisor, or impossible), and an override already proposed or granted. */
export type BenefitDecisionView = {
  claimId: string;
  claimStatus: string;
  /** the conditions as checked today (while the claim awaits its decision), null once decided */
  check: BenefitCheck | null;
  acceptance: BenefitAcceptance | null;
  parameterYear: number;
  override: { unmet: string[]; months: number; monthlyAmountCents: number; proposedByName: string | null; approvedByName: string | null } | null;
};
