-- A reduction or increase request names the income it is based on "estimatedIncomeCents", as the portal's form
-- writes it. Early demo data wrote "chosenIncomeCents": renamed, so that every reader looks for one key.
UPDATE "Request"
   SET payload = (payload - 'chosenIncomeCents') || jsonb_build_object('estimatedIncomeCents', payload->'chosenIncomeCents')
 WHERE type IN ('REDUCTION', 'INCREASE') AND payload ? 'chosenIncomeCents' AND NOT payload ? 'estimatedIncomeCents';
