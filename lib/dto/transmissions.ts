// The files owed to the mutuality and INASTI as the staff page shows them (issue #18 part 6).
import type { TransmissionKind, TransmissionStatus } from "@/lib/generated/prisma/enums";

export const TRANSMISSION_KINDS = ["MUTUALITY_BENEFIT_PAYMENTS", "MUTUALITY_INCAPACITY_ATTESTATIONS", "INASTI_CAREER"] as const satisfies readonly TransmissionKind[];

export type TransmissionRow = {
  id: string;
  kind: TransmissionKind;
  period: string;
  itemCount: number;
  status: TransmissionStatus;
  dueOn: string;
  timing: "onTime" | "late" | "pending";
  preparedAt: string;
  preparedBy: string | null;
  sentAt: string | null;
  sentBy: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};

/** Per kind: how many files were sent on time among those due or sent (pending ones not counted). */
export type OnTimeIndicator = { kind: TransmissionKind; onTime: number; counted: number };

export type TransmissionOverview = { rows: TransmissionRow[]; indicators: OnTimeIndicator[] };
