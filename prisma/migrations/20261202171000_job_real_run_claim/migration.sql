-- A dry run is run for real once, by a recorded person: the claim is one conditional update (two clicks, two
-- staff members at once: one wins). An import (a file job) is run for real by another staff member than the one
-- who ran its dry run (four eyes, issue #16 part 2).
ALTER TABLE "JobRun" ADD COLUMN "realRunById" TEXT;
