// The shapes of the affiliate's documents: certificates (data handed to the letters), stored copies, evidence.
import type { Category, DocumentKind } from "@/lib/generated/prisma/enums";

export type Holder = { name: string; identifier: string; identifierKind: "niss" | "enterprise"; memberNumber: string; address: string[] };

export type Fund = { name: string; address: string; phone: string; email: string };

export type TaxCertificate = {
  year: number;
  issuedOn: string;
  holder: Holder;
  fund: Fund;
  payments: { valueOn: string; contributionCents: number; feeCents: number; surchargeCents: number }[];
  totals: { contributionCents: number; feeCents: number; surchargeCents: number; deductibleCents: number };
};

export type AffiliationCertificate = {
  issuedOn: string;
  holder: Holder;
  fund: Fund;
  affiliations: { startOn: string; endOn: string | null; status: string; periods: { category: Category; fromOn: string; toOn: string | null }[] }[];
};

export type StoredDocument = { id: string; kind: DocumentKind; fileName: string; mimeType: string; sizeBytes: number; createdAt: string };

export type EvidenceFile = { fileName: string; mimeType: string; content: Uint8Array };
