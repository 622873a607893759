-- The information bulletin (issue #18, part 4): issues written by staff in French and/or Dutch, the affiliates'
-- opt-ins per topic, and the extra headers an outgoing e-mail carries (List-Unsubscribe, RFC 8058).
CREATE TYPE "BulletinTopic" AS ENUM ('CONTRIBUTIONS', 'BENEFITS', 'FUND_NEWS');
CREATE TYPE "BulletinStatus" AS ENUM ('DRAFT', 'PUBLISHED');

CREATE TABLE "Bulletin" (
    "id" TEXT NOT NULL,
    "topic" "BulletinTopic" NOT NULL,
    "titleFr" TEXT,
    "bodyFr" TEXT,
    "titleNl" TEXT,
    "bodyNl" TEXT,
    "status" "BulletinStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "authorId" TEXT NOT NULL,
    "publishedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Bulletin_pkey" PRIMARY KEY ("id"),
    -- each language is whole or absent, and at least one is there
    CONSTRAINT "Bulletin_fr_check" CHECK (("titleFr" IS NULL) = ("bodyFr" IS NULL)),
    CONSTRAINT "Bulletin_nl_check" CHECK (("titleNl" IS NULL) = ("bodyNl" IS NULL)),
    CONSTRAINT "Bulletin_language_check" CHECK ("titleFr" IS NOT NULL OR "titleNl" IS NOT NULL),
    -- published exactly when it has its publication time and publisher
    CONSTRAINT "Bulletin_published_check" CHECK (("status" = 'PUBLISHED') = ("publishedAt" IS NOT NULL AND "publishedById" IS NOT NULL))
);
CREATE INDEX "Bulletin_status_publishedAt_idx" ON "Bulletin"("status", "publishedAt");

-- a published issue is never rewritten: what affiliates received stays what the archive shows
CREATE FUNCTION caisse_bulletin_published_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'PUBLISHED' THEN
    RAISE EXCEPTION 'a published bulletin cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "Bulletin_published_is_final" BEFORE UPDATE OR DELETE ON "Bulletin"
  FOR EACH ROW EXECUTE FUNCTION caisse_bulletin_published_is_final();

CREATE TABLE "BulletinSubscription" (
    "affiliateId" TEXT NOT NULL,
    "topic" "BulletinTopic" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BulletinSubscription_pkey" PRIMARY KEY ("affiliateId", "topic")
);
CREATE INDEX "BulletinSubscription_topic_idx" ON "BulletinSubscription"("topic");
ALTER TABLE "BulletinSubscription" ADD CONSTRAINT "BulletinSubscription_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "OutboundEmail" ADD COLUMN "headers" JSONB;
