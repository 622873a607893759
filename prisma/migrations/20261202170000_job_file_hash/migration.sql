-- An uploaded job file is checked against its dry run: the dry run records the file's SHA-256, the real run
-- recomputes it and refuses a file that changed (docs/decisions/0027).
ALTER TABLE "JobRun" ADD COLUMN "fileSha256" CHAR(64);
