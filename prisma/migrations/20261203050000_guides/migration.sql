-- The life-event guides as fund-editable reference data (issue #18 part 1).
CREATE TABLE "Guide" (
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" TEXT,
    CONSTRAINT "Guide_pkey" PRIMARY KEY ("slug")
);
ALTER TABLE "Guide" ADD CONSTRAINT "Guide_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
