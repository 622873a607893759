-- Money stays right when two things happen at once: the database refuses what the code must never do, whatever
-- the code does (docs/decisions/0026).

-- One payment plan in force per debtor: two submissions at once (double click, two tabs) cannot both put one in force.
CREATE UNIQUE INDEX "PaymentPlan_one_active_per_affiliate" ON "PaymentPlan"("affiliateId") WHERE status = 'ACTIVE';

-- A birth is recorded once per mother and date; the maternity-aid offer is created with the birth row only.
CREATE UNIQUE INDEX "Birth_personId_bornOn_key" ON "Birth"("personId", "bornOn");

-- An allocation never settles more than its debit is worth, nor spends more than its credit holds. The debit and the
-- credit rows are locked first (FOR UPDATE: the ledger's immutability trigger fires on UPDATE only), so that two
-- allocations to the same debit — two advisors matching by hand, a match during a CODA import — are checked one
-- after the other; the second one that would go too far is refused.
CREATE FUNCTION caisse_check_allocation() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target_amount int;
  target_kind text;
  credit_amount int;
  already bigint;
BEGIN
  SELECT "amountCents", kind::text INTO target_amount, target_kind FROM "LedgerEntry" WHERE id = NEW."targetEntryId" FOR UPDATE;
  IF target_amount IS NULL OR target_amount <= 0 OR target_kind NOT IN ('CALL', 'FEE', 'SURCHARGE', 'ADJUSTMENT') THEN
    RAISE EXCEPTION 'allocation to ledger entry %, which is not a debit', NEW."targetEntryId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'PaymentAllocation_target_is_debit';
  END IF;
  SELECT coalesce(sum("amountCents"), 0) INTO already FROM "PaymentAllocation" WHERE "targetEntryId" = NEW."targetEntryId";
  IF already + NEW."amountCents" > target_amount THEN
    RAISE EXCEPTION 'allocation of % to ledger entry % exceeds what is owed on it (% of %)', NEW."amountCents", NEW."targetEntryId", target_amount - already, target_amount
      USING ERRCODE = 'check_violation', CONSTRAINT = 'PaymentAllocation_within_debit';
  END IF;
  SELECT "amountCents" INTO credit_amount FROM "LedgerEntry" WHERE id = NEW."paymentEntryId" FOR UPDATE;
  IF credit_amount IS NULL OR credit_amount >= 0 THEN
    RAISE EXCEPTION 'allocation from ledger entry %, which is not a credit', NEW."paymentEntryId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'PaymentAllocation_source_is_credit';
  END IF;
  SELECT coalesce(sum("amountCents"), 0) INTO already FROM "PaymentAllocation" WHERE "paymentEntryId" = NEW."paymentEntryId";
  IF already + NEW."amountCents" > -credit_amount THEN
    RAISE EXCEPTION 'allocation of % from ledger entry % exceeds its credit (% of %)', NEW."amountCents", NEW."paymentEntryId", -credit_amount - already, -credit_amount
      USING ERRCODE = 'check_violation', CONSTRAINT = 'PaymentAllocation_within_credit';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "PaymentAllocation_within_amounts" BEFORE INSERT ON "PaymentAllocation"
  FOR EACH ROW EXECUTE FUNCTION caisse_check_allocation();
