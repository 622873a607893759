// Pure computation of the indicators from recorded events: every function takes plain records (dates as
// 'YYYY-MM-DD', already converted to the Brussels date) and "today", and returns observations — one per dossier
// item that counts — which are then summed into facts (month × category × advisor × request type).
// The deadlines come from the domain core (charterDeadlines, pausesFromTransitions): nothing is re-implemented.
import { addDays, charterDeadlines, compareDates, daysBetween, instalmentDueOn, pausesFromTransitions, type IsoDate } from "@/lib/domain";
import { indicatorDef, OUTCOME_FACT_PREFIX, type KpiUnit } from "./indicators";
import { toDomainState } from "@/lib/db/enums";

/** A call is "sent in time" when issued at least this many days before its due date (fund policy). */
export const CALL_MIN_LEAD_DAYS = 15;
/** Debt older than this (days past its due date) counts in debt_over_1y. */
export const DEBT_OLD_DAYS = 365;

export type Observation = {
  indicator: string;
  month: IsoDate; // first day of the month
  category: string;
  advisorId: string;
  requestType: string;
  affiliateId: string | null;
  recordId: string;
  reference: string;
  numerator: number;
  denominator: number;
  /** false = the promise was not kept for this item (late, not contacted…); null = not a pass/fail measure */
  ok: boolean | null;
  /** the measured value for this item (days, cents) when meaningful */
  value: number | null;
  /** the date that decided the bucket (answer, decision, payment, deadline passed…) */
  on: IsoDate;
};

export const monthOf = (d: IsoDate): IsoDate => `${d.slice(0, 7)}-01`;

/** One category period of the affiliate (CategoryPeriod): the category in force from `fromOn` to `toOn` (open-ended when null). */
export type CategorySpan = { category: string; fromOn: IsoDate; toOn: IsoDate | null };

/**
 * The category in force on a date (historical, not the current one): the period covering the date (the latest
 * started when periods overlap); in a gap after a period, the last one that started before the date; before the
 * first period (e.g. an affiliation request filed before its start), the first one. `fallback` when there are no
 * periods (companies: 'COMPANY'; unknown: '').
 */
export function categoryAt(periods: readonly CategorySpan[] | undefined, on: IsoDate, fallback: string): string {
  if (!periods || periods.length === 0) return fallback;
  const sorted = [...periods].sort((a, b) => compareDates(a.fromOn, b.fromOn));
  const started = sorted.filter((p) => compareDates(p.fromOn, on) <= 0);
  const covering = started.filter((p) => p.toOn === null || compareDates(on, p.toOn) <= 0);
  return (covering.at(-1) ?? started.at(-1) ?? sorted[0]).category;
}

/** `category` is the fallback (current category, 'COMPANY' for a company); with `periods`, the category in force on each observation's date wins. */
type Dims = { category: string; periods?: readonly CategorySpan[]; advisorId: string; requestType: string; affiliateId: string | null; recordId: string; reference: string };

function obs(indicator: string, on: IsoDate, dims: Dims, ok: boolean | null, extra: Partial<Observation> = {}): Observation {
  const { periods, ...rest } = dims;
  return { indicator, month: monthOf(on), ...rest, category: categoryAt(periods, on, dims.category), numerator: ok ? 1 : 0, denominator: 1, ok, value: null, on, ...extra };
}

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
  /** first message written by staff in the request's thread, if any */
  firstStaffAnswerOn: IsoDate | null;
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
    const answeredOn = [r.firstStaffAnswerOn, handledOn].filter((d): d is IsoDate => d !== null).sort(compareDates)[0] ?? null;
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

// ───────────────────────────── contribution calls ─────────────────────────────

export type CallRecord = { id: string; reference: string; affiliateId: string; category: string; kind: "PROVISIONAL" | "REGULARISATION" | "COMPANY"; issuedOn: IsoDate; dueOn: IsoDate };

export function callObservations(c: CallRecord): Observation[] {
  const dims: Dims = { category: c.category, advisorId: "", requestType: "", affiliateId: c.affiliateId, recordId: c.id, reference: c.reference };
  const indicator = c.kind === "REGULARISATION" ? "regularisations_on_time" : "calls_on_time";
  const lead = daysBetween(c.issuedOn, c.dueOn);
  return [obs(indicator, c.issuedOn, dims, lead >= CALL_MIN_LEAD_DAYS, { value: lead })];
}

/** What was called on a call (its CALL/FEE/SURCHARGE debits) and how much of it payments have settled. */
export type CallCollectionRecord = { id: string; reference: string; affiliateId: string; category: string; dueOn: IsoDate; calledCents: number; settledCents: number };

export function collectionObservations(c: CallCollectionRecord, today: IsoDate): Observation[] {
  const dims: Dims = { category: c.category, advisorId: "", requestType: "", affiliateId: c.affiliateId, recordId: c.id, reference: c.reference };
  if (compareDates(c.dueOn, today) >= 0 || c.calledCents <= 0) return [];
  const settled = Math.min(c.settledCents, c.calledCents);
  const outstanding = c.calledCents - settled;
  const out: Observation[] = [obs("collection_rate", c.dueOn, dims, outstanding === 0, { numerator: settled, denominator: c.calledCents, value: outstanding })];
  if (outstanding > 0) {
    // a snapshot as of today, bucketed in today's month: old debt over all open debt
    const old = daysBetween(c.dueOn, today) > DEBT_OLD_DAYS;
    out.push(obs("debt_over_1y", today, dims, !old, { numerator: old ? outstanding : 0, denominator: outstanding, value: outstanding }));
  }
  return out;
}

// ───────────────────────────── recovery ─────────────────────────────

export type RecoveryStepName =
  | "REMINDER" | "ACCOUNT_STATEMENT" | "FORMAL_NOTICE" | "PERSONAL_CONTACT" | "BAILIFF" | "LAWYER" | "HEARING" | "JUDGMENT"
  | "SUSPENDED" | "RESUMED" | "WRITE_OFF" | "CLOSED";
export const JUDICIAL_STEPS: readonly RecoveryStepName[] = ["BAILIFF", "LAWYER", "HEARING", "JUDGMENT"];

export type RecoveryDebtor = {
  affiliateId: string;
  reference: string;
  category: string;
  categoryPeriods?: CategorySpan[];
  advisorId: string;
  cases: { id: string; steps: { kind: RecoveryStepName; on: IsoDate }[] }[];
};

/**
 * warned_before_judicial (per case): a reminder AND a formal notice strictly before the case's first judicial step.
 * contact_before_judicial (per debtor): a personal contact logged on or before the debtor's very first judicial step.
 */
export function recoveryObservations(d: RecoveryDebtor): Observation[] {
  const out: Observation[] = [];
  let firstJudicial: IsoDate | null = null;
  let firstCase = "";
  const contacts: IsoDate[] = [];
  for (const c of d.cases) {
    const steps = [...c.steps].sort((a, b) => compareDates(a.on, b.on));
    const judicial = steps.find((s) => JUDICIAL_STEPS.includes(s.kind));
    for (const s of steps) if (s.kind === "PERSONAL_CONTACT") contacts.push(s.on);
    if (!judicial) continue;
    const before = (kind: RecoveryStepName) => steps.some((s) => s.kind === kind && compareDates(s.on, judicial.on) < 0);
    const dims: Dims = { category: d.category, periods: d.categoryPeriods, advisorId: d.advisorId, requestType: "", affiliateId: d.affiliateId, recordId: c.id, reference: d.reference };
    out.push(obs("warned_before_judicial", judicial.on, dims, before("REMINDER") && before("FORMAL_NOTICE")));
    if (firstJudicial === null || compareDates(judicial.on, firstJudicial) < 0) {
      firstJudicial = judicial.on;
      firstCase = c.id;
    }
  }
  if (firstJudicial !== null) {
    const fj = firstJudicial;
    const dims: Dims = { category: d.category, periods: d.categoryPeriods, advisorId: d.advisorId, requestType: "", affiliateId: d.affiliateId, recordId: firstCase, reference: d.reference };
    out.push(obs("contact_before_judicial", fj, dims, contacts.some((on) => compareDates(on, fj) <= 0)));
  }
  return out;
}

// ───────────────────────────── aggregation and values ─────────────────────────────

export type FactKey = { indicator: string; month: IsoDate; category: string; advisorId: string; requestType: string };
export type Fact = FactKey & { count: number; numerator: number; denominator: number };

export function factKey(k: FactKey): string {
  return [k.indicator, k.month, k.category, k.advisorId, k.requestType].join("|");
}

/** Sums observations into facts (one per indicator × month × category × advisor × request type). */
export function aggregate(observations: Observation[]): Fact[] {
  const map = new Map<string, Fact>();
  for (const o of observations) {
    const key = factKey(o);
    const f = map.get(key) ?? { indicator: o.indicator, month: o.month, category: o.category, advisorId: o.advisorId, requestType: o.requestType, count: 0, numerator: 0, denominator: 0 };
    f.count += 1;
    f.numerator += o.numerator;
    f.denominator += o.denominator;
    map.set(key, f);
  }
  return [...map.values()].sort((a, b) => factKey(a).localeCompare(factKey(b)));
}

/** The indicator's value from summed facts: per mille (rounded), average days (one decimal), count or cents; null when nothing counts. */
export function indicatorValue(unit: KpiUnit, sums: { count: number; numerator: number; denominator: number }): number | null {
  switch (unit) {
    case "permille":
      return sums.denominator > 0 ? Math.round((sums.numerator * 1000) / sums.denominator) : null;
    case "days":
      return sums.denominator > 0 ? Math.round((sums.numerator * 10) / sums.denominator) / 10 : null;
    case "count":
      return sums.count;
    case "cents":
      return sums.numerator;
  }
}

export function sumFacts(facts: readonly { count: number; numerator: number; denominator: number }[]) {
  return facts.reduce((s, f) => ({ count: s.count + f.count, numerator: s.numerator + f.numerator, denominator: s.denominator + f.denominator }), { count: 0, numerator: 0, denominator: 0 });
}

/** On track: null when there is no value or the indicator is a plain volume (count with target 0). */
export function onTrack(indicatorId: string, value: number | null, target: number): boolean | null {
  const def = indicatorDef(indicatorId);
  if (!def || value === null) return null;
  if (def.unit === "count" && target === 0) return null;
  return def.direction === "higher" ? value >= target : value <= target;
}

/** Months from `from` to `to` inclusive, as first days ('YYYY-MM-01'). */
export function monthsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const ey = Number(to.slice(0, 4));
  const em = Number(to.slice(5, 7));
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${y}-${String(m).padStart(2, "0")}-01`);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

/** 'YYYY-MM' + n months → 'YYYY-MM'. */
export function addMonthsToMonth(month: string, n: number): string {
  const idx = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
}
