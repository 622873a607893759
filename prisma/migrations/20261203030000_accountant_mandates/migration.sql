-- Accountants with a mandate, and German and English (issue #17).
ALTER TYPE "Role" ADD VALUE 'ACCOUNTANT';
ALTER TYPE "Locale" ADD VALUE 'de';
ALTER TYPE "Locale" ADD VALUE 'en';
CREATE TYPE "AccountantMandateStatus" AS ENUM ('REQUESTED', 'ACTIVE', 'REFUSED', 'REVOKED');

ALTER TABLE "User" ADD COLUMN "itaaNumber" TEXT;
CREATE UNIQUE INDEX "User_itaaNumber_key" ON "User"("itaaNumber");

CREATE TABLE "AccountantMandate" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "accountantId" TEXT NOT NULL,
    "canFileRequests" BOOLEAN NOT NULL DEFAULT false,
    "receivesNotices" BOOLEAN NOT NULL DEFAULT false,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE,
    "status" "AccountantMandateStatus" NOT NULL,
    "askedByAccountant" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "AccountantMandate_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AccountantMandate_period_check" CHECK ("validUntil" IS NULL OR "validUntil" >= "validFrom")
);
CREATE INDEX "AccountantMandate_accountantId_status_idx" ON "AccountantMandate"("accountantId", "status");
CREATE INDEX "AccountantMandate_affiliateId_status_idx" ON "AccountantMandate"("affiliateId", "status");
-- two clicks, two tabs: one open mandate per affiliate and accountant
CREATE UNIQUE INDEX "AccountantMandate_open_key" ON "AccountantMandate"("affiliateId", "accountantId") WHERE "status" IN ('REQUESTED', 'ACTIVE');
ALTER TABLE "AccountantMandate" ADD CONSTRAINT "AccountantMandate_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AccountantMandate" ADD CONSTRAINT "AccountantMandate_accountantId_fkey" FOREIGN KEY ("accountantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
