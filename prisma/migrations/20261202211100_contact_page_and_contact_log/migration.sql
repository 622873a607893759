-- The fund's contact page (offices, opening hours), privacy notice (DPO) and accessibility statement (date of the last
-- check), as reference data of the Fund row; and the contacts staff record on a dossier (issue #18, part 5).
ALTER TABLE "Fund" ADD COLUMN "offices" JSONB NOT NULL DEFAULT '[]',
  ADD COLUMN "phoneHours" JSONB NOT NULL DEFAULT '[]',
  ADD COLUMN "dpoEmail" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "accessibilityCheckedOn" DATE;

CREATE TYPE "ContactChannel" AS ENUM ('PHONE', 'LETTER', 'OFFICE_VISIT', 'EMAIL');

CREATE TABLE "DossierContact" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "documentId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DossierContact_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "DossierContact_summary_check" CHECK (length(btrim("summary")) BETWEEN 1 AND 4000)
);
CREATE UNIQUE INDEX "DossierContact_documentId_key" ON "DossierContact"("documentId");
CREATE INDEX "DossierContact_affiliateId_occurredOn_idx" ON "DossierContact"("affiliateId", "occurredOn");
ALTER TABLE "DossierContact" ADD CONSTRAINT "DossierContact_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
