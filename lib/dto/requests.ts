// The shapes of the request screens: the affiliate's requests and reliefs, the advisor's work queue and decision
// page, the decisions an advisor can take and INASTI's track.
import { type DbRequestStatus, type DbRequestType } from "@/lib/db/enums";

/** The request types, as the queue's filter lists them. */
export { DB_REQUEST_TYPES } from "@/lib/db/enums";
import { type PlanTerms } from "@/lib/domain/approved-plan-schedule";
import { type DeadlineBadge } from "@/lib/domain/request-deadlines";
import { type ExemptionCallCheck, type ExemptionRefusal } from "@/lib/domain/check-exemption-eligibility";
import { type WaiverCallCheck, type WaiverRefusal } from "@/lib/domain/check-surcharge-waiver-eligibility";
import { type PaymentPlanRefusal } from "@/lib/domain";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";

/** What the request, its events and the affiliate's status page keep of the INASTI steps (payload.inasti). */
export type InastiTrack = { sentOn: string; decidedOn?: string; outcome?: "accepted" | "refused"; reference?: string };

export type InastiDecisionInput = { requestId: string; outcome: "accepted" | "refused"; decidedOn: string; inastiReference: string; note: string };

export type QueueItem = {
  kind: "request" | "thread";
  id: string;
  reference: string | null;
  type: DbRequestType | "MESSAGE";
  status: string;
  affiliateId: string;
  dossierName: string;
  memberNumber: string;
  assigneeId: string | null;
  assigneeName: string | null;
  dossierAdvisorName: string | null;
  filedOn: string;
  dueOn: string;
  deadline: "information" | "decision" | "answer";
  daysLeft: number;
  badge: DeadlineBadge;
  /** while information is awaited: the day the clock was paused (the due date moves by every day since) */
  pausedSince: string | null;
  /** while paused: the days that were left (negative: late) the day the clock stopped — what is left when it resumes */
  daysLeftAtPause: number | null;
};

export const QUEUE_STATES = ["late", "at-risk", "paused", "forwarded"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export type QueueFilters = { type?: string; advisor?: string; state?: QueueState };
export type BulkAssignment = { assigned: number; assigneeName: string };
export type QueuePage = { items: QueueItem[]; total: number; late: number; paused: number; forwarded: number; page: number; pageSize: number };

export type StaffMember = { id: string; name: string };

export type Proposal = { decision: Decision; reasonCode: string; text: string; proposedById: string; proposedByName: string; planRefusals: string[] };

export type StaffRequestView = {
  id: string;
  reference: string;
  type: DbRequestType;
  status: DbRequestStatus;
  affiliateId: string | null;
  dossierName: string;
  memberNumber: string;
  payload: Record<string, unknown>;
  filedOn: string;
  dueOn: string | null;
  badge: DeadlineBadge | null;
  pausedDays: number;
  assigneeName: string | null;
  decisionReasonCode: string | null;
  decisionText: string | null;
  decidedByName: string | null;
  decisions: Decision[];
  proposal: Proposal | null;
  canApprove: boolean;
  planTerms: PlanTerms | null;
  planRefusals: string[];
  /** byAccountant: done by the affiliate's accountant, on their behalf */
  events: { at: string; actorName: string | null; byAccountant: boolean; from: string | null; to: string; reason: string | null }[];
  documents: { id: string; kind: string; fileName: string; createdAt: string }[];
  /** affiliation requests: days from the request to the affiliation */
  leadTimeDays: number | null;
  /** accepted affiliation: its welcome pack, the quarters called, the welcome e-mail (null: no e-mail address) */
  welcome: { pack: boolean; quarters: number; email: boolean | null } | null;
  /** exemption / surcharge waiver: the INASTI step open to this staff member, what was sent and decided, the calls */
  inasti: { step: "forward" | "record" | null; track: InastiTrack | null; calls: { id: string; year: number; quarter: number; kind: string }[] } | null;
  /** bridging right, caregiver allowance, maternity aid: the benefit claim checked and granted on /staff/benefits */
  benefitClaimId: string | null;
  /** the request's conversation (questions, complaints, requests for information) */
  thread: RequestThread | null;
  /** a question or complaint this staff member may answer now (the answer closes it) */
  canAnswer: boolean;
};

export type DecisionInput = {
  requestId: string;
  decision: Decision;
  reasonCode: string;
  text: string;
  /** accepting a benefit request whose conditions are not met: the advisor's explicit override (text = why) */
  override?: boolean;
};

export type DecisionOutcome = { status: DbRequestStatus; awaitingSecondApproval: boolean };

export type ReliefCall = {
  id: string;
  kind: "PROVISIONAL" | "REGULARISATION" | "COMPANY";
  year: number;
  quarter: number;
  issuedOn: string;
  dueOn: string;
  principalCents: number;
  principalOutstandingCents: number;
  surchargeCents: number;
  surchargeOutstandingCents: number;
};

export type ExemptionOverview = { refusals: ExemptionRefusal[]; calls: (ReliefCall & { check: ExemptionCallCheck })[] };

export type WaiverOverview = { calls: (ReliefCall & { check: WaiverCallCheck })[] };

export type ReliefFiled = { reference: string; decisionDueOn: string };

/** Why a relief request was refused before filing (AppError details): the person's refusals and each call's. */
export type ReliefRefusal = { refusals: (ExemptionRefusal | WaiverRefusal)[]; callRefusals: Record<string, string[]> };

export type PlanSimulation = {
  debtCents: number;
  requiredAdvanceCents: number;
  months: number;
  advanceDueOn: string;
  firstInstalmentOn: string;
  eligible: boolean;
  refusals: PaymentPlanRefusal[];
  instalments: { number: number; dueOn: string; amountCents: number }[];
};

export type FiledRequest = { reference: string; status: RequestStatus };

export type MyRequestSummary = { reference: string; type: RequestType; status: RequestStatus; filedOn: string };

export type MyRequestDetail = MyRequestSummary & {
  informationDueOn: string | null;
  decisionDueOn: string | null;
  payload: Record<string, unknown>;
  events: { at: string; fromStatus: RequestStatus | null; toStatus: RequestStatus; reason: string | null; byAccountant: string | null }[];
  plan: { status: string; debtCents: number; advanceCents: number; months: number; instalments: { seq: number; dueOn: string; amountCents: number; paidCents: number; structuredCommunication: string }[] } | null;
  thread: RequestThread | null;
  evidence: { id: string; fileName: string; mimeType: string; sizeBytes: number }[];
  /** the advisor's request for information awaiting the affiliate's answer (status INFORMATION_REQUESTED) */
  pendingQuestion: { body: string; replyDueOn: string | null } | null;
  /** the affiliate may write in the thread (the request is open) */
  canReply: boolean;
  /** the fund's decision, once made (accepted or refused): when, the reason's code and the advisor's motivation */
  decision: { outcome: "ACCEPTED" | "REFUSED"; decidedOn: string | null; reasonCode: string | null; text: string | null } | null;
};

/** One message of a request's conversation, with its attachments (EVIDENCE documents linked to it). */
export type ThreadMessage = {
  id: string;
  kind: "MESSAGE" | "INFORMATION_REQUEST";
  mine: boolean;
  /** written by the fund's staff (answer or request for information) */
  fromFund: boolean;
  /** written by the affiliate's accountant, on their behalf */
  byAccountant: boolean;
  authorName: string;
  body: string;
  at: string;
  replyDueOn: string | null;
  attachments: { id: string; fileName: string; sizeBytes: number }[];
};

export type RequestThread = { subject: string; answerDueOn: string; messages: ThreadMessage[] };

/** The advisor's answer to a question or complaint: its text and attachments (checked like evidence). */
export type AnswerOutcome = { status: DbRequestStatus; emailed: boolean };

/** The affiliate's message on their request (an answer to a request for information puts it back in review). */
export type ReplyOutcome = { status: DbRequestStatus; resumed: boolean };

/** What an advisor can do on a request. */
export const DECISIONS = ["start-review", "accept", "refuse", "ask-information", "information-received", "close"] as const;

export type Decision = (typeof DECISIONS)[number];

/** The reasons an advisor may give, per request type (a payment-plan reason on a reduction means nothing). */
export const DECISION_REASONS: Record<string, readonly string[]> = {
  REDUCTION: ["accepted", "noObjectiveElements", "incomeBelowMinimum", "informationMissing"],
  INCREASE: ["accepted", "incomeBelowMinimum", "informationMissing"],
  PAYMENT_PLAN: ["planWithinPolicy", "planOutsidePolicy", "informationMissing"],
  EXEMPTION: ["accepted", "conditionsNotMet", "informationMissing"],
  SURCHARGE_WAIVER: ["accepted", "conditionsNotMet", "informationMissing"],
  AFFILIATION: ["accepted", "conditionsNotMet", "informationMissing"],
  MATERNITY_AID: ["accepted", "conditionsNotMet", "informationMissing"],
  BRIDGING_RIGHT: ["accepted", "conditionsNotMet", "informationMissing"],
  CAREGIVER_ALLOWANCE: ["accepted", "conditionsNotMet", "informationMissing"],
  QUESTION: ["answered", "forwarded", "informationMissing"],
  COMPLAINT: ["answered", "forwarded", "informationMissing"],
  END_OF_ACTIVITY: ["accepted", "conditionsNotMet", "informationMissing"],
  ILLNESS_ASSIMILATION: ["accepted", "conditionsNotMet", "informationMissing"],
  CONTINUED_INSURANCE: ["accepted", "ciNotCeased", "ciContributionsMissing", "ciTooLate", "ciOtherStatus", "informationMissing"],
  JOINT_LIABILITY_RELEASE: ["accepted", "jlTooLate", "jlNoMandate", "jlNotJustified", "informationMissing"],
};
