// The shapes the affiliate's account pages receive: calls and what is owed on them, a call explained line by line,
// the pay page, the company's directors and who consulted the file.
import type { BreakdownLine } from "@/lib/domain";
import type { Category, CallKind, LedgerKind, MandateStatus } from "@/lib/generated/prisma/enums";

export type CallSummary = {
  id: string;
  kind: CallKind;
  year: number;
  quarter: number;
  dueOn: string;
  totalCents: number;
  outstandingCents: number;
  structuredCommunication: string;
};

export type AffiliateOverview = {
  memberNumber: string;
  displayName: string;
  kind: "PERSON" | "COMPANY";
  category: Category | null;
  advisorName: string | null;
  balanceCents: number;
  overdueCents: number;
  nextDue: { dueOn: string; amountCents: number } | null;
  calls: CallSummary[];
};

export type LedgerLine = {
  id: string;
  kind: LedgerKind;
  bookedOn: string;
  valueOn: string | null;
  amountCents: number;
  reasonCode: string;
  reasonParams: Record<string, string | number>;
};

export type CallDetail = CallSummary & {
  category: Category | null;
  contributionCents: number;
  managementFeeCents: number;
  incomeBaseCents: number | null;
  incomeYear: number | null;
  issuedOn: string;
  breakdown: BreakdownLine[];
  entries: LedgerLine[];
};

export type AllocationLine = { targetEntryId: string; targetKind: LedgerKind; reasonCode: string; reasonParams: Record<string, string | number>; amountCents: number };

export type PaymentReceived = {
  entryId: string;
  valueOn: string;
  bookedOn: string;
  amountCents: number; // positive: the amount received
  /** only the part of this payment that went to this call */
  allocatedToCallCents: number;
  allocations: AllocationLine[];
};

export type RegularisationStatus =
  | { kind: "not-applicable" }
  | { kind: "pending"; year: number }
  | { kind: "regularised"; year: number; callId: string; totalCents: number };

export type CallStatement = CallDetail & {
  payments: PaymentReceived[];
  surcharges: { id: string; bookedOn: string; amountCents: number; reasonCode: string; reasonParams: Record<string, string | number> }[];
  regularisation: RegularisationStatus;
};

export type FundPaymentDetails = { name: string; iban: string; bic: string; creditorId: string };

export type OpenCallToPay = { id: string; kind: CallDetail["kind"]; year: number; quarter: number; dueOn: string; outstandingCents: number; structuredCommunication: string };

export type MandateView = { id: string; reference: string; iban: string; status: MandateStatus; signedOn: string };



export type CompanyDirectorView = { name: string; fromOn: string; toOn: string | null; affiliatedHere: boolean; openDebtCents: number | null };

/** What a staff member read of a person's data (the audit-log actions of lib/dal/internal/access-log.ts). */
export const STAFF_READS = [
  "dossier.view", "request.view", "benefit.view", "recovery.view", "payment.view", "call-notice.view",
  "decision-letter.view", "recovery-letter.view", "evidence.download", "search.result",
] as const;
export type StaffRead = (typeof STAFF_READS)[number];

export type DossierConsultation = { at: string; staffName: string; what: StaffRead; reason: string | null; details: Record<string, string> };
