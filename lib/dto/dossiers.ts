// The shapes of the staff dossier screens: search hits, the dossier, its timeline, and why it is opened.
import type { AffiliateKind, AffiliationStatus, Category, Locale } from "@/lib/generated/prisma/enums";
import { type DossierConsultation, type LedgerLine } from "@/lib/dto/account";

export type DossierHit = {
  id: string;
  memberNumber: string;
  kind: AffiliateKind;
  name: string;
  identifier: string; // NISS or enterprise number, digits only
  city: string;
};

export type DossierView = {
  id: string;
  memberNumber: string;
  kind: AffiliateKind;
  language: Locale;
  advisorName: string | null;
  person: { firstName: string; lastName: string; niss: string; birthDate: string; email: string | null; phone: string | null; address: string } | null;
  company: { name: string; enterpriseNumber: string; legalForm: string; createdOn: string; address: string } | null;
  category: Category | null;
  affiliations: { id: string; startOn: string; endOn: string | null; status: AffiliationStatus; periods: { category: Category; fromOn: string; toOn: string | null; primoStarterUntil: string | null }[] }[];
  balanceCents: number;
  calls: { id: string; year: number; quarter: number; kind: string; totalCents: number; outstandingCents: number; dueOn: string }[];
  ledger: LedgerLine[];
};

export type DossierDetails = {
  links: { kind: "helpingSpouse" | "helpedBy" | "directorOf" | "director"; name: string; affiliateId: string | null }[];
  requests: { id: string; reference: string; type: string; status: string; filedOn: string }[];
  claims: { id: string; type: string; status: string; filedOn: string | null; paymentDueOn: string | null }[];
  recovery: { id: string; status: string; currentStep: string; debtCents: number }[];
  documents: { id: string; kind: string; fileName: string; requestId: string | null; createdAt: string }[];
  threads: { id: string; requestId: string | null; subject: string; status: string; answerDueOn: string; createdAt: string }[];
  notes: { id: string; authorName: string; body: string; createdAt: string }[];
  accessLog: DossierConsultation[];
  timeline: TimelineEntry[];
  advisorId: string | null;
};

export const DOSSIER_VIEW_REASONS = ["consultation", "phone", "request", "message", "recovery", "benefit", "mandate"] as const;

export type DossierViewReason = (typeof DOSSIER_VIEW_REASONS)[number];

export function viewReason(value: string | undefined): DossierViewReason {
  return (DOSSIER_VIEW_REASONS as readonly string[]).includes(value ?? "") ? (value as DossierViewReason) : "consultation";
}

export type TimelineEntry = {
  at: string; // ISO timestamp or YYYY-MM-DD
  kind: "request" | "note" | "document" | "message" | "recovery" | "claim" | "ledger" | "contact";
  params: Record<string, string>;
  href?: string;
};

/** A payment plan as the advisor sees it on the dossier: status, debt, what is paid, each instalment's state. */
export type DossierPlan = {
  id: string;
  status: "ACTIVE" | "COMPLETED" | "BROKEN" | "CANCELLED";
  requestId: string | null;
  reference: string | null;
  startOn: string;
  brokenOn: string | null;
  debtCents: number;
  paidCents: number;
  instalments: { seq: number; dueOn: string; amountCents: number; paidCents: number; state: "paid" | "late" | "due"; remindedOn: string | null }[];
};
