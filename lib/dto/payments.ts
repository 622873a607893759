// The shapes of the reconciliation screens (unmatched payments, dossiers with open calls).
export type UnmatchedPayment = {
  id: string;
  amountCents: number;
  valueOn: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  communication: string | null;
  source: string;
};

/** UNMATCHED: waiting for an advisor; MATCHED or RETURNED: already handled (the page says so, without the forms) */
export type PaymentToReconcile = UnmatchedPayment & { status: "UNMATCHED" | "MATCHED" | "RETURNED" };

export type DossierOpenCalls = {
  affiliateId: string;
  memberNumber: string;
  name: string;
  calls: { id: string; kind: string; year: number; quarter: number; dueOn: string; totalCents: number; openCents: number; structuredCommunication: string }[];
};
