-- The mutuality's incapacity attestations (issue #18 part 6): a third kind of transmission, and on each accepted
-- illness assimilation the file that carries it (a single nullable column: a request is in one file at most).
ALTER TYPE "TransmissionKind" ADD VALUE 'MUTUALITY_INCAPACITY_ATTESTATIONS';

ALTER TABLE "Request" ADD COLUMN "incapacityTransmissionId" TEXT;
CREATE INDEX "Request_incapacityTransmissionId_idx" ON "Request"("incapacityTransmissionId");
ALTER TABLE "Request" ADD CONSTRAINT "Request_incapacityTransmissionId_fkey" FOREIGN KEY ("incapacityTransmissionId") REFERENCES "Transmission"("id") ON DELETE SET NULL ON UPDATE CASCADE;
