-- Sessions that end (issue #15 part 4): one row per sign-in, checked on every request; logout, a password reset
-- and disabling an account end every session of the user at once.
CREATE TABLE "UserSession" (
  "id" TEXT NOT NULL,
  "userId" TEXT NOT NULL,
  "method" TEXT NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "endedAt" TIMESTAMPTZ(3),
  "endReason" TEXT,
  "address" TEXT,
  "userAgent" TEXT,
  CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "UserSession_userId_createdAt_idx" ON "UserSession"("userId", "createdAt");

-- The per-address sign-in limiter's counters (rate-limiter-flexible's PostgreSQL store, table created here so the
-- application role needs no CREATE right): one row per key, points used and expiry (ms since the epoch).
CREATE TABLE "RateLimit" (
  "key" VARCHAR(255) NOT NULL,
  "points" INTEGER NOT NULL DEFAULT 0,
  "expire" BIGINT,
  CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);
