// Pure computation of the indicators from recorded events: every function takes plain records (dates as
// 'YYYY-MM-DD', already converted to the Brussels date) and "today", and returns observations — one per dossier
// item that counts — which are then summed into facts (month × category × advisor × request type).
// The deadlines come from the domain core (charterDeadlines, pausesFromTransitions): nothing is re-implemented.

import { compareDates, daysBetween, type IsoDate } from "@/lib/domain";
import { indicatorDef, type KpiUnit } from "@/lib/kpi/indicators";

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
export type Dims = { category: string; periods?: readonly CategorySpan[]; advisorId: string; requestType: string; affiliateId: string | null; recordId: string; reference: string };

export function obs(indicator: string, on: IsoDate, dims: Dims, ok: boolean | null, extra: Partial<Observation> = {}): Observation {
  const { periods, ...rest } = dims;
  return { indicator, month: monthOf(on), ...rest, category: categoryAt(periods, on, dims.category), numerator: ok ? 1 : 0, denominator: 1, ok, value: null, on, ...extra };
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
