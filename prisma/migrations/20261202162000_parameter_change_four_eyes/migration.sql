-- A legal-parameter change is proposed by one staff member and applied when a second one approves it (issue #16
-- part 2). Changes recorded before this migration were applied at once.
ALTER TABLE "LegalParameterChange" ADD COLUMN "state" TEXT NOT NULL DEFAULT 'APPLIED',
  ADD COLUMN "decidedById" TEXT,
  ADD COLUMN "decidedAt" TIMESTAMPTZ(3);

-- at most one change waiting per parameter
CREATE UNIQUE INDEX "LegalParameterChange_one_proposed" ON "LegalParameterChange"("parameterId") WHERE "state" = 'PROPOSED';
