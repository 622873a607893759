// The recovery path on stored steps, on top of the domain's moveRecoveryStep (lib/domain/next-recovery-step.ts):
// the step reached, the steps an advisor may record next, and the check of a new step. It speaks the stored
// vocabulary (HEARING and JUDGMENT are both the domain's "proceedings"), hence here and not in lib/domain.
import { moveRecoveryStep, nextRecoverySteps, type RecoveryStep } from "@/lib/domain";
import { RECOVERY_STEP_TO_DOMAIN, type DbRecoveryStep } from "@/lib/db/enums";

/** The domain step reached by a case: the last step of its history that is part of the path. */
export function currentDomainStep(history: readonly DbRecoveryStep[]): RecoveryStep | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const s = RECOVERY_STEP_TO_DOMAIN[history[i]];
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
  const target = RECOVERY_STEP_TO_DOMAIN[input.to];
  if (!target) return { ok: false, code: "recovery.stepNotAllowed" };
  const r = moveRecoveryStep(current, target, { personalContactLoggedOn: input.personalContactOn });
  return r.ok ? { ok: true } : { ok: false, code: r.code };
}

export function isJudicialDbStep(step: DbRecoveryStep): boolean {
  return step === "BAILIFF" || step === "LAWYER" || step === "HEARING" || step === "JUDGMENT";
}
