-- A benefit has one status everywhere (issue #13): every bridging-right and caregiver request has its claim
-- (BenefitClaim), and the claim's status follows the request's decision. The database checks it at commit (the
-- request and its claim are written in one transaction, in either order):
--   request pending (draft, submitted, in review, information requested, awaiting a second approval) → claim CLAIMED
--   request ACCEPTED → claim GRANTED or PAID;  REFUSED → REFUSED;  WITHDRAWN → WITHDRAWN
--   request CLOSED (after its decision) → the claim keeps its outcome (GRANTED, PAID, REFUSED or WITHDRAWN)
-- and the claim has the request's type and dossier.

-- 1. The requests filed before this rule without their claim get it, with the status their decision gives.
INSERT INTO "BenefitClaim" (id, "affiliateId", type, status, "requestId", "filedOn")
SELECT 'claim-' || r.id,
       r."affiliateId",
       r.type::text::"BenefitType",
       (CASE
          WHEN r.status = 'ACCEPTED' THEN 'GRANTED'
          WHEN r.status = 'REFUSED' THEN 'REFUSED'
          WHEN r.status = 'WITHDRAWN' THEN 'WITHDRAWN'
          WHEN r.status = 'CLOSED' AND EXISTS (SELECT 1 FROM "RequestEvent" e WHERE e."requestId" = r.id AND e."toStatus" = 'ACCEPTED') THEN 'GRANTED'
          WHEN r.status = 'CLOSED' AND EXISTS (SELECT 1 FROM "RequestEvent" e WHERE e."requestId" = r.id AND e."toStatus" = 'REFUSED') THEN 'REFUSED'
          WHEN r.status = 'CLOSED' THEN 'WITHDRAWN'
          ELSE 'CLAIMED'
        END)::"BenefitStatus",
       r.id,
       r."filedOn"
  FROM "Request" r
 WHERE r.type IN ('BRIDGING_RIGHT', 'CAREGIVER_ALLOWANCE')
   AND r."affiliateId" IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM "BenefitClaim" c WHERE c."requestId" = r.id);

-- 2. A claim left behind by its request's decision (accepted on the request page while the claim still said
--    "claimed") follows the decision.
UPDATE "BenefitClaim" c
   SET status = (CASE r.status WHEN 'ACCEPTED' THEN 'GRANTED' WHEN 'REFUSED' THEN 'REFUSED' ELSE 'WITHDRAWN' END)::"BenefitStatus"
  FROM "Request" r
 WHERE r.id = c."requestId"
   AND r.type IN ('BRIDGING_RIGHT', 'CAREGIVER_ALLOWANCE')
   AND c.status = 'CLAIMED'
   AND r.status IN ('ACCEPTED', 'REFUSED', 'WITHDRAWN', 'CLOSED');

-- 3. The rule, checked at commit for the request concerned.
CREATE FUNCTION caisse_check_benefit_request_of(request_id text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r_type text;
  r_status text;
  r_affiliate text;
  c_status text;
  c_type text;
  c_affiliate text;
BEGIN
  IF request_id IS NULL THEN RETURN; END IF;
  SELECT type::text, status::text, "affiliateId" INTO r_type, r_status, r_affiliate FROM "Request" WHERE id = request_id;
  IF r_type IS NULL OR r_type NOT IN ('BRIDGING_RIGHT', 'CAREGIVER_ALLOWANCE') THEN RETURN; END IF;
  SELECT status::text, type::text, "affiliateId" INTO c_status, c_type, c_affiliate FROM "BenefitClaim" WHERE "requestId" = request_id;
  IF c_status IS NULL THEN
    RAISE EXCEPTION 'benefit request % has no claim', request_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Request_benefit_has_claim';
  END IF;
  IF c_type <> r_type OR c_affiliate IS DISTINCT FROM r_affiliate THEN
    RAISE EXCEPTION 'the claim of benefit request % is of another type or dossier', request_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'BenefitClaim_matches_request';
  END IF;
  IF NOT (CASE r_status
            WHEN 'ACCEPTED' THEN c_status IN ('GRANTED', 'PAID')
            WHEN 'REFUSED' THEN c_status = 'REFUSED'
            WHEN 'WITHDRAWN' THEN c_status = 'WITHDRAWN'
            WHEN 'CLOSED' THEN c_status IN ('GRANTED', 'PAID', 'REFUSED', 'WITHDRAWN')
            ELSE c_status = 'CLAIMED'
          END) THEN
    RAISE EXCEPTION 'benefit request % is % but its claim is %', request_id, r_status, c_status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'BenefitClaim_status_follows_request';
  END IF;
END;
$$;

CREATE FUNCTION caisse_check_benefit_request() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Request' THEN
    PERFORM caisse_check_benefit_request_of(NEW.id);
  ELSE
    IF TG_OP <> 'DELETE' THEN PERFORM caisse_check_benefit_request_of(NEW."requestId"); END IF;
    IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD."requestId" IS DISTINCT FROM NEW."requestId") THEN
      PERFORM caisse_check_benefit_request_of(OLD."requestId");
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Request_benefit_claim_follows" AFTER INSERT OR UPDATE OF status, type, "affiliateId" ON "Request"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION caisse_check_benefit_request();
CREATE CONSTRAINT TRIGGER "BenefitClaim_follows_request" AFTER INSERT OR UPDATE OF status, type, "affiliateId", "requestId" OR DELETE ON "BenefitClaim"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION caisse_check_benefit_request();
