-- The affiliate's in-app inbox (lib/dal/internal/notify.ts).
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "uniqueKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Notification_uniqueKey_key" ON "Notification"("uniqueKey");
CREATE INDEX "Notification_affiliateId_createdAt_idx" ON "Notification"("affiliateId", "createdAt");
