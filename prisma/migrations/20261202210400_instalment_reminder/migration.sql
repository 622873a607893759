-- The plan follow-up (lib/jobs/plan-follow-up.ts): when a late instalment was reminded; the run finds late instalments by due date.
ALTER TABLE "Instalment" ADD COLUMN "remindedOn" DATE;
CREATE INDEX "Instalment_dueOn_idx" ON "Instalment"("dueOn");
