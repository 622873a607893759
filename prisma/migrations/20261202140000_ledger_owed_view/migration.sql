-- What is still owed on a ledger entry — the one definition every screen, job and indicator reads
-- (docs/decisions: "One amount owed").
--
-- A DEBIT is a positive entry of kind CALL (contribution), FEE (management fee), SURCHARGE (surcharges, late
-- interest, recovery costs) or ADJUSTMENT (a payment the bank returned, which reopens the debt). What is owed on it
-- is its amount less every allocation made to it: payments (CODA, direct debit, matched by hand), INASTI
-- cancellations and write-offs all allocate to the debits they settle. REFUND entries pay a credit out: they are
-- never owed. Credits that are not allocated (an overpayment, a regularisation refund not yet paid out) stay in the
-- balance, not in what is owed.
--
-- A plain view, so PostgreSQL inlines it: a filter on "affiliateId" or "callId" reaches the LedgerEntry indexes,
-- and the allocations are summed per entry through "PaymentAllocation_targetEntryId_idx" (cost proportional to
-- the dossier, never to the fund).
CREATE VIEW "LedgerOwed" AS
SELECT e.id AS "entryId",
       e."affiliateId",
       e."callId",
       e.kind,
       e."bookedOn",
       e."amountCents",
       (e."amountCents" - COALESCE((SELECT sum(pa."amountCents") FROM "PaymentAllocation" pa WHERE pa."targetEntryId" = e.id), 0))::int AS "owedCents"
  FROM "LedgerEntry" e
 WHERE e."amountCents" > 0
   AND e.kind IN ('CALL', 'FEE', 'SURCHARGE', 'ADJUSTMENT');
