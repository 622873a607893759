-- A bridging-right or caregiver claim whose request was withdrawn (or closed without a decision) is neither granted
-- nor refused: it says so (issue #13, "a benefit has one status everywhere"). Its own migration: PostgreSQL does not
-- let the transaction that adds an enum value use it.
ALTER TYPE "BenefitStatus" ADD VALUE 'WITHDRAWN';
