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
  /** still owed on every debit ("LedgerOwed"), of which overdue; in the affiliate's favour; balance = owed − credit */
  owedCents: number;
  overdueCents: number;
  creditCents: number;
  balanceCents: number;
  nextDue: { dueOn: string; amountCents: number } | null;
  calls: CallSummary[];
  /** each regularisation refund: what it settled of the overdue debts (set-off), what was and is to be paid out */
  refunds: RefundView[];
};

export type RefundView = {
  year: number;
  bookedOn: string;
  refundCents: number;
  setOffCents: number;
  lines: { call: { id: string; kind: string; year: number; quarter: number } | null; surcharge: boolean; amountCents: number }[];
  paidOutCents: number;
  paidOutOn: string | null;
  toPayOutCents: number;
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
  /** the credit: a payment received (PAYMENT), or a credit of the fund (ADJUSTMENT: a regularisation refund set off,
   *  an INASTI decision; WRITE_OFF) with its reason */
  kind: LedgerKind;
  reasonCode: string;
  reasonParams: Record<string, string | number>;
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

export type PlanInstalmentView = {
  id: string;
  seq: number; // 0 = the advance
  dueOn: string;
  amountCents: number;
  leftCents: number;
  structuredCommunication: string;
  state: "paid" | "late" | "due";
  remindedOn: string | null;
};

/** A payment plan in force as the affiliate pays it: the next instalment first, the debt it still covers. */
export type MyPaymentPlan = { id: string; reference: string | null; startOn: string; debtCents: number; leftCents: number; next: PlanInstalmentView | null; instalments: PlanInstalmentView[] };

/** The affiliate's inbox: what the fund told them, newest first. */
export type MyNotifications = { unread: number; items: { id: string; subject: string; text: string; link: string | null; at: string; read: boolean }[] };

export type MandateView = { id: string; reference: string; iban: string; status: MandateStatus; signedOn: string };



export type CompanyDirectorView = { name: string; fromOn: string; toOn: string | null; affiliatedHere: boolean; openDebtCents: number | null };

/** What a staff member read of a person's data (the audit-log actions of lib/dal/internal/access-log.ts). */
export const STAFF_READS = [
  "dossier.view", "request.view", "benefit.view", "recovery.view", "payment.view", "call-notice.view",
  "decision-letter.view", "recovery-letter.view", "evidence.download", "search.result", "direct-debit-file.download",
  // the person's line (name and request) on an advisor's work queue, and in the queue exported as a file
  "work-queue.row", "work-queue.export",
  // an accountant opening the file of a client who gave them a mandate
  "client-file.view",
] as const;
export type StaffRead = (typeof STAFF_READS)[number];

export type DossierConsultation = { at: string; staffName: string; what: StaffRead; reason: string | null; details: Record<string, string> };
