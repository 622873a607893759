-- Every staff read of a person's data is logged with the affiliate it concerns (issue #16 part 4), so that the
-- affiliate's "who consulted my file" is one indexed read.
ALTER TABLE "AuditLog" ADD COLUMN "affiliateId" TEXT;

UPDATE "AuditLog" SET "affiliateId" = "entityId" WHERE "entity" = 'Affiliate' AND "action" = 'dossier.view';
UPDATE "AuditLog" SET "affiliateId" = "details"->>'affiliateId' WHERE "action" = 'evidence.download' AND "details" ? 'affiliateId';

CREATE INDEX "AuditLog_affiliateId_at_idx" ON "AuditLog"("affiliateId", "at");
