// The indicators of requests and benefits (decided or answered within the Charte's deadlines, paid on time), as
// observations computed from plain records; the deadlines come from the domain core (charterDeadlines,
// pausesFromTransitions). The shared observation shapes and the other families are in compute.ts.
import { addDays, charterDeadlines, compareDates, daysBetween, instalmentDueOn, pausesFromTransitions, type IsoDate } from "@/lib/domain";
import { OUTCOME_FACT_PREFIX } from "@/lib/kpi/indicators";
import { toDomainState } from "@/lib/db/enums";
import { obs, type Observation, type CategorySpan, type Dims } from "@/lib/kpi/compute";

// ───────────────────────────── requests ─────────────────────────────

export type RequestStatusName =
  | "DRAFT" | "SUBMITTED" | "IN_REVIEW" | "INFORMATION_REQUESTED" | "AWAITING_SECOND_APPROVAL" | "FORWARDED"
  | "ACCEPTED" | "REFUSED" | "WITHDRAWN" | "CLOSED";

export type RequestRecord = {
  id: string;
  reference: string;
  type: string;
  status: RequestStatusName;
  affiliateId: string | null;
  category: string;
  /** the affiliate's category periods: each observation takes the category in force on its date */
  categoryPeriods?: CategorySpan[];
  assigneeId: string | null;
  filedOn: IsoDate;
  informationDueOn: IsoDate | null;
  decisionDueOn: IsoDate | null;
  pausedDays: number;
  decidedOn: IsoDate | null;
  /** first answer written by staff in the request's thread (not a request for information), if any */
  firstStaffAnswerOn: IsoDate | null;
  /** the request has a conversation: its answer is the first staff answer, closing it without one answers nothing
   *  (requests without a thread — older or imported records — are answered when handled) */
  hasThread?: boolean;
  events: { on: IsoDate; fromStatus: RequestStatusName | null; toStatus: RequestStatusName }[];
};

const ANSWER_TYPES = ["QUESTION", "COMPLAINT"];

/** Statuses that end the fund's handling (FORWARDED: transmitted to INASTI, whose decision it then is). */
const HANDLED: readonly RequestStatusName[] = ["ACCEPTED", "REFUSED", "CLOSED", "FORWARDED"];

/**
 * When the request was (last) handled: the first handled status after the last reopening. A reopened request
 * (an event leaving a handled status for a working one) is open again and its clock keeps running from filing.
 */
export function resolution(r: RequestRecord): { handledOn: IsoDate | null; reopened: boolean; withdrawn: boolean } {
  const events = [...r.events].sort((a, b) => compareDates(a.on, b.on));
  if (events.length === 0) {
    const handled = HANDLED.includes(r.status);
    return { handledOn: handled ? (r.decidedOn ?? null) : null, reopened: false, withdrawn: r.status === "WITHDRAWN" };
  }
  let handledOn: IsoDate | null = null;
  let reopened = false;
  let withdrawn = false;
  for (const e of events) {
    if (e.toStatus === "WITHDRAWN") withdrawn = true;
    if (HANDLED.includes(e.toStatus)) {
      handledOn ??= e.on;
    } else if (e.toStatus !== "WITHDRAWN" && handledOn !== null) {
      handledOn = null; // reopened: the earlier answer/decision was not the last word
      reopened = true;
    }
  }
  if (withdrawn && handledOn === null) return { handledOn: null, reopened, withdrawn };
  return { handledOn, reopened, withdrawn: false };
}

/** Decision deadline: 4 months from filing, extended by the days spent in INFORMATION_REQUESTED (open stay ends today). */
export function decisionDeadline(r: RequestRecord, today: IsoDate): { dueOn: IsoDate; pausedDays: number } {
  if (r.events.length === 0) {
    if (r.decisionDueOn) return { dueOn: r.decisionDueOn, pausedDays: r.pausedDays };
    const d = charterDeadlines({ filedOn: r.filedOn });
    return { dueOn: d.decisionDueOn, pausedDays: 0 };
  }
  const pauses = pausesFromTransitions(r.events.map((e) => ({ to: toDomainState(e.toStatus), on: e.on })), today);
  const d = charterDeadlines({ filedOn: r.filedOn, pauses });
  return { dueOn: d.decisionDueOn, pausedDays: d.pausedDays };
}

export function answerDeadline(r: RequestRecord): IsoDate {
  return r.informationDueOn ?? charterDeadlines({ filedOn: r.filedOn }).informationDueOn;
}

/** Timeliness of one item: handled → bucket on the handling date; still open past its deadline → late, bucketed the day after the deadline. */
function timeliness(indicator: string, handledOn: IsoDate | null, dueOn: IsoDate, today: IsoDate, dims: Dims, start: IsoDate): Observation | null {
  if (handledOn !== null) return obs(indicator, handledOn, dims, compareDates(handledOn, dueOn) <= 0, { value: daysBetween(start, handledOn) });
  if (compareDates(today, dueOn) > 0) return obs(indicator, addDays(dueOn, 1), dims, false, { value: daysBetween(start, today) });
  return null;
}

export function requestObservations(r: RequestRecord, today: IsoDate): Observation[] {
  if (r.status === "DRAFT") return [];
  const dims: Dims = { category: r.category, periods: r.categoryPeriods, advisorId: r.assigneeId ?? "", requestType: r.type, affiliateId: r.affiliateId, recordId: r.id, reference: r.reference };
  const out: Observation[] = [];
  out.push(obs("requests_filed", r.filedOn, dims, null, { numerator: 1, value: null }));
  out.push(obs(`${OUTCOME_FACT_PREFIX}${r.status}`, r.filedOn, dims, null, { numerator: 1 }));
  const { handledOn, withdrawn } = resolution(r);
  if (withdrawn) return out;
  if (ANSWER_TYPES.includes(r.type)) {
    const answeredOn = r.hasThread ? r.firstStaffAnswerOn : ([r.firstStaffAnswerOn, handledOn].filter((d): d is IsoDate => d !== null).sort(compareDates)[0] ?? null);
    const t = timeliness("answer_45d", answeredOn, answerDeadline(r), today, dims, r.filedOn);
    if (t) out.push(t);
  } else {
    const t = timeliness("decision_4m", handledOn, decisionDeadline(r, today).dueOn, today, dims, r.filedOn);
    if (t) out.push(t);
    if (r.type === "AFFILIATION" && handledOn !== null && r.status !== "REFUSED") {
      const days = daysBetween(r.filedOn, handledOn);
      out.push(obs("affiliation_days", handledOn, dims, null, { numerator: days, denominator: 1, value: days }));
    }
  }
  if (handledOn !== null && r.assigneeId) out.push(obs("advisor_resolved", handledOn, dims, null, { numerator: 1 }));
  return out;
}

// ───────────────────────────── benefits ─────────────────────────────

export type BenefitRecord = {
  id: string;
  reference: string;
  affiliateId: string;
  category: string;
  categoryPeriods?: CategorySpan[];
  advisorId: string;
  type: string; // MATERNITY_AID | BRIDGING_RIGHT | CAREGIVER_ALLOWANCE (same names as the request types)
  status: "OFFERED" | "CLAIMED" | "GRANTED" | "REFUSED" | "PAID";
  grantedAutomatically: boolean;
  filedOn: IsoDate | null;
  createdOn: IsoDate;
  paymentDueOn: IsoDate | null;
  /** first month a granted benefit covers (Request.payload.grant): monthly payment n is due at the later of the
   *  Charte deadline and the end of the month it covers (lib/domain/calculate-benefit-interest.ts instalmentDueOn) */
  firstMonthOn?: IsoDate | null;
  payments: { paidOn: IsoDate; interestCents: number }[];
};

export function benefitObservations(b: BenefitRecord, today: IsoDate): Observation[] {
  const dims: Dims = { category: b.category, periods: b.categoryPeriods, advisorId: b.advisorId, requestType: b.type, affiliateId: b.affiliateId, recordId: b.id, reference: b.reference };
  const out: Observation[] = [];
  const payments = [...b.payments].sort((x, y) => compareDates(x.paidOn, y.paidOn));
  if (b.paymentDueOn && b.status !== "REFUSED") {
    const first = payments[0]?.paidOn ?? null;
    const t = timeliness("benefit_paid_4m", first, b.paymentDueOn, today, dims, b.filedOn ?? b.createdOn);
    if (t) out.push(t);
    for (const [index, p] of payments.entries()) {
      const dueOn = b.firstMonthOn ? instalmentDueOn({ paymentDueOn: b.paymentDueOn, firstMonthOn: b.firstMonthOn, index }) : b.paymentDueOn;
      if (compareDates(p.paidOn, dueOn) > 0) out.push(obs("benefit_interest", p.paidOn, dims, p.interestCents > 0, { value: p.interestCents }));
    }
  }
  if (b.status === "GRANTED" || b.status === "PAID") out.push(obs("benefit_automatic", b.filedOn ?? b.createdOn, dims, b.grantedAutomatically));
  return out;
}
