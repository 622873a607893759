// Recovery path of a fund (docs/domain.md §7.5: reminders → bailiff → labour court); judicial handover only after a logged personal contact (fund policy).
export const RECOVERY_STEPS = [
  "reminder",
  "account-statement",
  "formal-notice",
  "personal-contact",
  "bailiff",
  "lawyer",
  "proceedings",
  "closed",
  "written-off",
] as const;
export type RecoveryStep = (typeof RECOVERY_STEPS)[number];

const NEXT: Readonly<Record<RecoveryStep, readonly RecoveryStep[]>> = {
  reminder: ["account-statement"],
  "account-statement": ["formal-notice"],
  "formal-notice": ["personal-contact"],
  "personal-contact": ["bailiff", "lawyer"],
  bailiff: ["proceedings"],
  lawyer: ["proceedings"],
  proceedings: [],
  closed: [],
  "written-off": [],
};

const JUDICIAL: readonly RecoveryStep[] = ["bailiff", "lawyer", "proceedings"];
const FINAL: readonly RecoveryStep[] = ["closed", "written-off"];

export interface RecoveryContext {
  /** Date of the logged personal contact with the debtor, if any. */
  personalContactLoggedOn: string | null;
}

export type RecoveryTransitionResult =
  | { ok: true; step: RecoveryStep }
  | { ok: false; code: "recovery.stepNotAllowed" | "recovery.personalContactRequired" };

/** Steps reachable from `current` (null = no recovery yet): the next step(s) of the sequence, or closing at any time. */
export function nextRecoverySteps(current: RecoveryStep | null): RecoveryStep[] {
  if (current === null) return ["reminder"];
  if (FINAL.includes(current)) return [];
  return [...NEXT[current], ...FINAL];
}

export function isJudicialRecoveryStep(step: RecoveryStep): boolean {
  return JUDICIAL.includes(step);
}

export function moveRecoveryStep(current: RecoveryStep | null, to: RecoveryStep, context: RecoveryContext): RecoveryTransitionResult {
  if (!nextRecoverySteps(current).includes(to)) return { ok: false, code: "recovery.stepNotAllowed" };
  if (isJudicialRecoveryStep(to) && context.personalContactLoggedOn === null)
    return { ok: false, code: "recovery.personalContactRequired" };
  return { ok: true, step: to };
}

/** The step the sequence proposes next (first of the sequence), or null at the end. */
export function nextRecoveryStep(current: RecoveryStep | null, context: RecoveryContext): RecoveryStep | null {
  const candidate = nextRecoverySteps(current).find((s) => !FINAL.includes(s));
  if (candidate === undefined) return null;
  return moveRecoveryStep(current, candidate, context).ok ? candidate : null;
}
