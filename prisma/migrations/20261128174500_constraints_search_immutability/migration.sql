
-- ───── Hand-written additions (Prisma cannot express them) ─────

-- Identifiers are stored normalised (digits only).
ALTER TABLE "Person" ADD CONSTRAINT "Person_niss_digits" CHECK ("niss" ~ '^[0-9]{11}$');
ALTER TABLE "Company" ADD CONSTRAINT "Company_enterpriseNumber_digits" CHECK ("enterpriseNumber" ~ '^[01][0-9]{9}$');

-- A dossier is exactly one person or one company.
ALTER TABLE "Affiliate" ADD CONSTRAINT "Affiliate_kind_subject" CHECK (
  ("kind" = 'PERSON' AND "personId" IS NOT NULL AND "companyId" IS NULL) OR
  ("kind" = 'COMPANY' AND "companyId" IS NOT NULL AND "personId" IS NULL));
ALTER TABLE "Affiliation" ADD CONSTRAINT "Affiliation_dates" CHECK ("endOn" IS NULL OR "endOn" >= "startOn");
ALTER TABLE "CategoryPeriod" ADD CONSTRAINT "CategoryPeriod_dates" CHECK ("toOn" IS NULL OR "toOn" >= "fromOn");

ALTER TABLE "LegalParameter" ADD CONSTRAINT "LegalParameter_unit" CHECK ("unit" IN ('cents', 'bp', 'count', 'ratio'));
ALTER TABLE "LegalParameter" ADD CONSTRAINT "LegalParameter_status" CHECK ("status" IN ('confirmed', 'derived', 'missing'));
ALTER TABLE "LegalParameter" ADD CONSTRAINT "LegalParameter_value" CHECK ("status" = 'missing' OR "value" IS NOT NULL);
ALTER TABLE "Fund" ADD CONSTRAINT "Fund_single_row" CHECK ("id" = 1);
ALTER TABLE "Fund" ADD CONSTRAINT "Fund_fee" CHECK ("managementFeeBp" BETWEEN 0 AND 1000);

-- Calls: amounts in cents, never negative (refunds are credits in the ledger), total = contribution + fee.
ALTER TABLE "ContributionCall" ADD CONSTRAINT "ContributionCall_amounts" CHECK (
  "contributionCents" >= 0 AND "managementFeeCents" >= 0 AND "totalCents" = "contributionCents" + "managementFeeCents");
ALTER TABLE "ContributionCall" ADD CONSTRAINT "ContributionCall_period" CHECK (
  "year" BETWEEN 1990 AND 2100 AND "quarter" BETWEEN 0 AND 4 AND ("kind" = 'PROVISIONAL') = ("quarter" > 0));
ALTER TABLE "ContributionCall" ADD CONSTRAINT "ContributionCall_communication" CHECK ("structuredCommunication" ~ '^[0-9]{12}$');

-- Ledger: the sign follows the kind (debits positive, credits negative).
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_sign" CHECK (
  ("kind" IN ('CALL', 'FEE', 'SURCHARGE', 'REFUND') AND "amountCents" > 0) OR
  ("kind" IN ('PAYMENT', 'WRITE_OFF') AND "amountCents" < 0) OR
  ("kind" = 'ADJUSTMENT' AND "amountCents" <> 0));
ALTER TABLE "PaymentAllocation" ADD CONSTRAINT "PaymentAllocation_positive" CHECK ("amountCents" > 0);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_positive" CHECK ("amountCents" > 0);

-- Ledger entries and allocations are immutable: a correction is a new entry.
CREATE FUNCTION caisse_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable: book a correcting entry instead', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER "LedgerEntry_immutable" BEFORE UPDATE OR DELETE ON "LedgerEntry" FOR EACH ROW EXECUTE FUNCTION caisse_refuse_change();
CREATE TRIGGER "PaymentAllocation_immutable" BEFORE UPDATE OR DELETE ON "PaymentAllocation" FOR EACH ROW EXECUTE FUNCTION caisse_refuse_change();

ALTER TABLE "PaymentPlan" ADD CONSTRAINT "PaymentPlan_amounts" CHECK (
  "debtCents" > 0 AND "advanceCents" >= 0 AND "advanceCents" <= "debtCents" AND "months" BETWEEN 1 AND 60);
ALTER TABLE "Instalment" ADD CONSTRAINT "Instalment_amounts" CHECK (
  "amountCents" >= 0 AND "paidCents" >= 0 AND "paidCents" <= "amountCents" AND "seq" >= 0);
ALTER TABLE "Request" ADD CONSTRAINT "Request_pausedDays" CHECK ("pausedDays" >= 0);
ALTER TABLE "Request" ADD CONSTRAINT "Request_affiliate" CHECK ("type" = 'AFFILIATION' OR "affiliateId" IS NOT NULL);
ALTER TABLE "BenefitClaim" ADD CONSTRAINT "BenefitClaim_amount" CHECK ("monthlyAmountCents" IS NULL OR "monthlyAmountCents" >= 0);
ALTER TABLE "BenefitPayment" ADD CONSTRAINT "BenefitPayment_amounts" CHECK ("amountCents" >= 0 AND "interestCents" >= 0);
ALTER TABLE "RecoveryCase" ADD CONSTRAINT "RecoveryCase_debt" CHECK ("debtCents" >= 0);
ALTER TABLE "RecoveryStep" ADD CONSTRAINT "RecoveryStep_cost" CHECK ("costCents" >= 0);
ALTER TABLE "Document" ADD CONSTRAINT "Document_size" CHECK ("sizeBytes" >= 0);
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_progress" CHECK ("progress" BETWEEN 0 AND 1000);
ALTER TABLE "CompanyBalanceSheet" ADD CONSTRAINT "CompanyBalanceSheet_total" CHECK ("balanceSheetTotalCents" >= 0);
ALTER TABLE "IncomeRecord" ADD CONSTRAINT "IncomeRecord_year" CHECK ("year" BETWEEN 1990 AND 2100);

-- Name search for advisors: accent- and case-insensitive trigram index (typo-tolerant search builds on it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE FUNCTION caisse_search_text(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
CREATE INDEX "Person_name_trgm" ON "Person" USING gin (caisse_search_text("lastName" || ' ' || "firstName") gin_trgm_ops);
CREATE INDEX "Company_name_trgm" ON "Company" USING gin (caisse_search_text("name") gin_trgm_ops);

-- Work queues: open requests by legal deadline.
CREATE INDEX "Request_open_decisionDueOn" ON "Request" ("decisionDueOn")
  WHERE "status" IN ('SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED', 'AWAITING_SECOND_APPROVAL', 'FORWARDED');
-- Unmatched payments queue.
CREATE INDEX "Payment_unmatched" ON "Payment" ("valueOn") WHERE "status" = 'UNMATCHED';
