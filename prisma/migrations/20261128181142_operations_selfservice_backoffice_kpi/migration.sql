-- CreateEnum
CREATE TYPE "CollectionStatus" AS ENUM ('PLANNED', 'COLLECTED', 'REJECTED');

-- AlterEnum
ALTER TYPE "MandateStatus" ADD VALUE 'PENDING';

-- AlterTable
ALTER TABLE "Affiliate" ADD COLUMN     "notificationPrefs" JSONB NOT NULL DEFAULT '{"email": true, "sms": false, "paper": false}';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "messageId" TEXT;

-- AlterTable
ALTER TABLE "RecoveryCase" ADD COLUMN     "jointDebtorId" TEXT,
ADD COLUMN     "writeOffProposedById" TEXT;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "proposedById" TEXT,
ADD COLUMN     "proposedDecision" JSONB;

-- CreateTable
CREATE TABLE "DossierNote" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectDebitBatch" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "collectOn" DATE NOT NULL,
    "fileName" TEXT NOT NULL,
    "xml" TEXT NOT NULL,
    "totalCents" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "jobRunId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectDebitBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectDebitCollection" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "mandateId" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "endToEndId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "sequenceType" TEXT NOT NULL,
    "collectOn" DATE NOT NULL,
    "status" "CollectionStatus" NOT NULL,
    "rejectedReason" TEXT,
    "paymentId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectDebitCollection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundEmail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "affiliateId" TEXT,
    "uniqueKey" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiFact" (
    "id" BIGSERIAL NOT NULL,
    "indicator" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "advisorId" TEXT NOT NULL DEFAULT '',
    "requestType" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,
    "numerator" BIGINT NOT NULL DEFAULT 0,
    "denominator" BIGINT NOT NULL DEFAULT 0,
    "refreshedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiTarget" (
    "indicator" TEXT NOT NULL,
    "target" INTEGER NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "KpiTarget_pkey" PRIMARY KEY ("indicator")
);

-- CreateIndex
CREATE INDEX "DossierNote_affiliateId_createdAt_idx" ON "DossierNote"("affiliateId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DirectDebitBatch_messageId_key" ON "DirectDebitBatch"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectDebitCollection_endToEndId_key" ON "DirectDebitCollection"("endToEndId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectDebitCollection_paymentId_key" ON "DirectDebitCollection"("paymentId");

-- CreateIndex
CREATE INDEX "DirectDebitCollection_mandateId_idx" ON "DirectDebitCollection"("mandateId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectDebitCollection_callId_collectOn_key" ON "DirectDebitCollection"("callId", "collectOn");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundEmail_uniqueKey_key" ON "OutboundEmail"("uniqueKey");

-- CreateIndex
CREATE INDEX "OutboundEmail_sentAt_idx" ON "OutboundEmail"("sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "KpiFact_indicator_month_category_advisorId_requestType_key" ON "KpiFact"("indicator", "month", "category", "advisorId", "requestType");

-- AddForeignKey
ALTER TABLE "DossierNote" ADD CONSTRAINT "DossierNote_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectDebitCollection" ADD CONSTRAINT "DirectDebitCollection_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "DirectDebitBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectDebitCollection" ADD CONSTRAINT "DirectDebitCollection_mandateId_fkey" FOREIGN KEY ("mandateId") REFERENCES "DirectDebitMandate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: amounts and states.
ALTER TABLE "DirectDebitCollection" ADD CONSTRAINT "DirectDebitCollection_amount" CHECK ("amountCents" > 0);
ALTER TABLE "DirectDebitCollection" ADD CONSTRAINT "DirectDebitCollection_sequence" CHECK ("sequenceType" IN ('FRST', 'RCUR'));
ALTER TABLE "DirectDebitBatch" ADD CONSTRAINT "DirectDebitBatch_totals" CHECK ("totalCents" >= 0 AND "count" >= 0);
ALTER TABLE "KpiFact" ADD CONSTRAINT "KpiFact_month" CHECK (EXTRACT(DAY FROM "month") = 1);
