// Recovery path in the back office, on top of the domain's moveRecoveryStep (lib/domain/next-recovery-step.ts).
import { addMonths, compareDates, moveRecoveryStep, nextRecoverySteps, type RecoveryStep } from "@/lib/domain";

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

const TO_DOMAIN: Record<DbRecoveryStep, RecoveryStep | null> = {
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

/** The domain step reached by a case: the last step of its history that is part of the path. */
export function currentDomainStep(history: readonly DbRecoveryStep[]): RecoveryStep | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const s = TO_DOMAIN[history[i]];
    if (s) return s;
  }
  return null;
}

/** Steps an advisor can record next (database kinds). Hearings and judgments follow each other once in proceedings. */
export function nextDbSteps(history: readonly DbRecoveryStep[]): DbRecoveryStep[] {
  const current = currentDomainStep(history);
  const out: DbRecoveryStep[] = [];
  if (current === "proceedings") out.push("HEARING", "JUDGMENT");
  for (const s of nextRecoverySteps(current)) {
    if (s === "proceedings") out.push("HEARING");
    else if (s === "written-off") continue; // write-off goes through four eyes
    else out.push(s.toUpperCase().replaceAll("-", "_") as DbRecoveryStep);
  }
  return out;
}

export type RecoveryMoveCheck =
  | { ok: true }
  | { ok: false; code: "recovery.stepNotAllowed" | "recovery.personalContactRequired" | "recovery.suspendedByPlan" | "recovery.closed" };

/** Checks a new step: the domain's path (personal contact before any judicial step), and a plan in force suspends. */
export function checkRecoveryMove(input: {
  history: readonly DbRecoveryStep[];
  to: DbRecoveryStep;
  personalContactOn: string | null;
  planInForce: boolean;
  status: string;
}): RecoveryMoveCheck {
  if (input.status === "CLOSED" || input.status === "WRITTEN_OFF") return { ok: false, code: "recovery.closed" };
  if (input.planInForce && input.to !== "CLOSED") return { ok: false, code: "recovery.suspendedByPlan" };
  const current = currentDomainStep(input.history);
  if (current === "proceedings" && (input.to === "HEARING" || input.to === "JUDGMENT")) return { ok: true };
  const target = TO_DOMAIN[input.to];
  if (!target) return { ok: false, code: "recovery.stepNotAllowed" };
  const r = moveRecoveryStep(current, target, { personalContactLoggedOn: input.personalContactOn });
  return r.ok ? { ok: true } : { ok: false, code: r.code };
}

export const PRESCRIPTION_YEARS = 5;
export const PRESCRIPTION_WARNING_MONTHS = 6;

/**
 * Contributions prescribe 5 years from 1 January of the year following the year for which they are due
 * (art. 16 AR n° 38, DOMAIN.md §1.15 — the year of the oldest due date stands for the contribution year):
 * warn in the last 6 months, and once prescribed.
 */
export function prescription(oldestDueOn: string, today: string): { prescribesOn: string; state: "ok" | "soon" | "prescribed" } {
  const prescribesOn = `${Number(oldestDueOn.slice(0, 4)) + 1 + PRESCRIPTION_YEARS}-01-01`;
  if (compareDates(today, prescribesOn) >= 0) return { prescribesOn, state: "prescribed" };
  if (compareDates(today, addMonths(prescribesOn, -PRESCRIPTION_WARNING_MONTHS)) >= 0) return { prescribesOn, state: "soon" };
  return { prescribesOn, state: "ok" };
}

export function isJudicialDbStep(step: DbRecoveryStep): boolean {
  return step === "BAILIFF" || step === "LAWYER" || step === "HEARING" || step === "JUDGMENT";
}
