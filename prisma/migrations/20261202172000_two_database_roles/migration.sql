-- Two database roles (docs/decisions/0028): the portal connects as an application role that may read and insert the
-- ledger, the allocations, the audit log and the request events but never update or delete them; the owner runs the
-- migrations. The grants themselves are applied by scripts/db.ts after every migration (the role's name belongs to the
-- deployment, not to the schema). Two row locks on the ledger must still be taken by the application role, and
-- PostgreSQL asks UPDATE privilege for SELECT … FOR UPDATE: they are taken by the owner, in functions that can do
-- nothing but lock (SECURITY DEFINER, with a fixed search_path so that a caller's temporary table cannot stand in
-- for a real one).

-- The allocation check locks the debit and the credit it reads (migration money_under_concurrency).
ALTER FUNCTION caisse_check_allocation() SECURITY DEFINER SET search_path = public, pg_temp;

-- Every allocation (manual match, CODA import, write-off) first locks the dossiers' debit entries, in id order so
-- that two writers never deadlock (lib/dal/internal/allocation.ts). Returns how many entries it locked.
CREATE FUNCTION caisse_lock_debits(affiliate_ids text[]) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH locked AS (
    SELECT id FROM "LedgerEntry"
     WHERE "affiliateId" = ANY(affiliate_ids) AND "amountCents" > 0 AND kind IN ('CALL', 'FEE', 'SURCHARGE', 'ADJUSTMENT')
     ORDER BY id FOR UPDATE)
  SELECT count(*)::int FROM locked;
$$;
