-- The call's explanation is written once and read whole, never queried inside: json stores it as written (key order
-- kept) without the jsonb parse that was the quarterly run's largest single cost.
ALTER TABLE "ContributionCall" ALTER COLUMN "breakdown" SET DATA TYPE JSON USING "breakdown"::json;
