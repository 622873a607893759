-- Request types of issue #18 part 2: end of self-employed activity (cessation) and assimilation for illness.
ALTER TYPE "RequestType" ADD VALUE 'END_OF_ACTIVITY';
ALTER TYPE "RequestType" ADD VALUE 'ILLNESS_ASSIMILATION';
