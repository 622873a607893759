// The shapes of the recovery screens.
import { type DbRecoveryStep } from "@/lib/db/enums";

/** The recovery steps, as the step form lists them. */
export { DB_RECOVERY_STEPS } from "@/lib/db/enums";

export type RecoveryListItem = {
  id: string;
  affiliateId: string;
  dossierName: string;
  memberNumber: string;
  status: string;
  currentStep: DbRecoveryStep;
  debtCents: number;
  oldestDueOn: string;
  prescribesOn: string;
  prescription: "ok" | "soon" | "prescribed";
};

export type RecoveryCaseView = RecoveryListItem & {
  jointDebtor: { id: string; name: string; memberNumber: string } | null;
  planInForce: boolean;
  steps: { id: string; kind: DbRecoveryStep; on: string; actorName: string | null; note: string | null; costCents: number }[];
  nextSteps: DbRecoveryStep[];
  personalContactOn: string | null;
  costsCents: number;
  writeOffProposedByName: string | null;
  canApproveWriteOff: boolean;
  letters: { id: string; fileName: string }[];
};
