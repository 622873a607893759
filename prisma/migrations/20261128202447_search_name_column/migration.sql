-- Dossier search at national scale. The name search used to run a trigram match over every
-- person (GIN on an expression: posting lists of common trigrams hold hundreds of thousands of people, each
-- candidate rechecked through unaccent): 0.5–1 s on 1.3 million people. Now:
--  * Person."searchLastName" = caisse_search_text("lastName"), a stored generated column (the app never writes it),
--    with a btree (searchLastName, firstName, id) for an index-only lookup of the people bearing a surname;
--  * "NameKey", the dictionary of distinct normalised surnames, kept by statement triggers on Person: the typo-
--    tolerant trigram match runs on it (thousands of rows, not millions);
--  * Company."searchName" = caisse_search_text("name"), stored, with the GIN trigram index (no unaccent on recheck).

-- AlterTable (generated columns: Prisma declares them as ignored optional text)
ALTER TABLE "Company" ADD COLUMN "searchName" TEXT GENERATED ALWAYS AS (caisse_search_text("name")) STORED;
ALTER TABLE "Person" ADD COLUMN "searchLastName" TEXT GENERATED ALWAYS AS (caisse_search_text("lastName")) STORED;

-- CreateTable
CREATE TABLE "NameKey" (
    "key" TEXT NOT NULL,

    CONSTRAINT "NameKey_pkey" PRIMARY KEY ("key")
);

INSERT INTO "NameKey" ("key") SELECT DISTINCT "searchLastName" FROM "Person" WHERE "searchLastName" IS NOT NULL ON CONFLICT DO NOTHING;

-- Set-based: one INSERT … SELECT DISTINCT per statement on Person (bulk loads stay fast).
CREATE FUNCTION caisse_name_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "NameKey" ("key") SELECT DISTINCT "searchLastName" FROM new_people WHERE "searchLastName" IS NOT NULL
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "Person_name_keys_insert" AFTER INSERT ON "Person" REFERENCING NEW TABLE AS new_people
  FOR EACH STATEMENT EXECUTE FUNCTION caisse_name_keys();
CREATE TRIGGER "Person_name_keys_update" AFTER UPDATE ON "Person" REFERENCING NEW TABLE AS new_people
  FOR EACH STATEMENT EXECUTE FUNCTION caisse_name_keys();

-- CreateIndex
CREATE INDEX "NameKey_trgm" ON "NameKey" USING GIN ("key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Company_searchName_trgm" ON "Company" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_searchLastName_firstName_id_idx" ON "Person"("searchLastName", "firstName", "id");

-- The expression indexes these replace (no query uses them any more; they only slowed every write)
DROP INDEX IF EXISTS "Person_name_trgm";
DROP INDEX IF EXISTS "Company_name_trgm";
