-- Transmissions to the mutuality and INASTI with a tracked status (issue #18 part 6).
CREATE TYPE "TransmissionKind" AS ENUM ('MUTUALITY_BENEFIT_PAYMENTS', 'INASTI_CAREER');
CREATE TYPE "TransmissionStatus" AS ENUM ('PREPARED', 'SENT', 'ACKNOWLEDGED');

CREATE TABLE "Transmission" (
    "id" TEXT NOT NULL,
    "kind" "TransmissionKind" NOT NULL,
    "period" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "status" "TransmissionStatus" NOT NULL DEFAULT 'PREPARED',
    "dueOn" DATE NOT NULL,
    "preparedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "preparedById" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "sentById" TEXT,
    "sentOn" DATE,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" TEXT,
    CONSTRAINT "Transmission_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Transmission_kind_period_key" ON "Transmission"("kind", "period");
CREATE INDEX "Transmission_status_dueOn_idx" ON "Transmission"("status", "dueOn");

ALTER TABLE "BenefitPayment" ADD COLUMN "transmissionId" TEXT;
CREATE INDEX "BenefitPayment_transmissionId_idx" ON "BenefitPayment"("transmissionId");
ALTER TABLE "BenefitPayment" ADD CONSTRAINT "BenefitPayment_transmissionId_fkey" FOREIGN KEY ("transmissionId") REFERENCES "Transmission"("id") ON DELETE SET NULL ON UPDATE CASCADE;
