-- Request types of issue #18 part 2 (the two still missing): continued insurance after cessation (assurance continuée /
-- voortgezette verzekering, DOMAIN.md §3.7) and a company director's release from the joint liability for the company
-- contribution (DOMAIN.md §1.17). The release is recorded by the accepted request itself (its payload: the company and
-- the years), like an accepted assimilation for illness: no table of its own.
ALTER TYPE "RequestType" ADD VALUE 'CONTINUED_INSURANCE';
ALTER TYPE "RequestType" ADD VALUE 'JOINT_LIABILITY_RELEASE';
