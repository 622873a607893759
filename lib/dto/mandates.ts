// Direct-debit mandates and files as staff pages and the affiliate's pay page receive them.
import type { CollectionStatus, MandateStatus } from "@/lib/generated/prisma/enums";

/** Why an advisor refuses a mandate: message keys under ddRefusal (the affiliate reads the sentence, in their language). */
export const MANDATE_REFUSAL_REASONS = ["accountHolder", "accountNotAllowed", "paymentPlan", "recovery", "other"] as const;
export type MandateRefusalReason = (typeof MANDATE_REFUSAL_REASONS)[number];

/** One collection under a mandate: what was asked of the bank on which date, and what became of it. */
export type MandateCollection = { id: string; collectOn: string; amountCents: number; status: CollectionStatus; rejectedReason: string | null };

/** A mandate as the advisor's dossier page shows it, with its collections (newest first). */
export type StaffMandate = {
  id: string;
  reference: string;
  iban: string;
  status: MandateStatus;
  signedOn: string;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  refusalReason: MandateRefusalReason | null;
  refusalNote: string | null;
  collections: MandateCollection[];
};

/** A mandate waiting for confirmation, in the staff list. */
export type PendingMandate = { id: string; reference: string; iban: string; signedOn: string; requestedAt: string; affiliateId: string; memberNumber: string; name: string };

/** A pain.008 file written by a direct-debit run, and what the bank did with its collections so far. */
export type DirectDebitFile = { id: string; collectOn: string; createdAt: string; count: number; totalCents: number; collected: number; rejected: number };

/** The affiliate's own mandate, with the decision and the collections their bank returned. */
export type MyMandate = {
  id: string;
  reference: string;
  iban: string;
  status: MandateStatus;
  signedOn: string;
  decidedAt: string | null;
  refusalReason: MandateRefusalReason | null;
  refusalNote: string | null;
  returns: { collectOn: string; amountCents: number; reason: string }[];
};
