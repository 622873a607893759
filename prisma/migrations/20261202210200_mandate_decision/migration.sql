-- An advisor confirms (ACTIVE) or refuses (REFUSED, with a reason) a mandate the affiliate requested (PENDING).
ALTER TYPE "MandateStatus" ADD VALUE 'REFUSED' BEFORE 'REVOKED';

ALTER TABLE "DirectDebitMandate"
  ADD COLUMN "decidedById" TEXT,
  ADD COLUMN "decidedAt" TIMESTAMPTZ(3),
  ADD COLUMN "refusalReason" TEXT,
  ADD COLUMN "refusalNote" TEXT;

-- A refusal always says why, and only a refusal has a reason (status compared as text: the new enum value
-- cannot be used in the transaction that adds it).
ALTER TABLE "DirectDebitMandate" ADD CONSTRAINT "DirectDebitMandate_refusal_reason"
  CHECK (("refusalReason" IS NOT NULL) = (status::text = 'REFUSED') AND ("refusalNote" IS NULL OR "refusalReason" IS NOT NULL));

-- One open mandate (requested or active) per affiliate, whatever two requests or two confirmations do at once.
CREATE UNIQUE INDEX "DirectDebitMandate_one_open" ON "DirectDebitMandate" ("affiliateId") WHERE status IN ('PENDING', 'ACTIVE');

-- The staff list of mandates waiting for confirmation, oldest first.
CREATE INDEX "DirectDebitMandate_pending" ON "DirectDebitMandate" ("createdAt") WHERE status = 'PENDING';
