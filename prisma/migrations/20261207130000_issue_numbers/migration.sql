-- 督〔年〕N号 (issue #18): each issue carries N, its number within its list year, so an official can
-- cite it. Stored, so it never changes when other issues are closed or deleted; existing issues are
-- numbered in the order they were created. The database assigns it on every insert (the app, the
-- seeds, the synthetic bench data): a per-year counter row, bumped by INSERT … ON CONFLICT DO UPDATE,
-- which locks that year's row until the transaction ends, so two issues raised at once get two
-- numbers and a rolled-back insert gives its number back.
CREATE TABLE "IssueYearCounter" (
  "year" INTEGER NOT NULL PRIMARY KEY,
  "last" INTEGER NOT NULL CHECK ("last" >= 0)
);

ALTER TABLE "Issue" ADD COLUMN "number" INTEGER;
UPDATE "Issue" i SET "number" = n.rn
  FROM (SELECT id, row_number() OVER (PARTITION BY year ORDER BY "createdAt", id) AS rn FROM "Issue") n
  WHERE n.id = i.id;
INSERT INTO "IssueYearCounter" ("year", "last") SELECT year, max("number") FROM "Issue" GROUP BY year;
ALTER TABLE "Issue" ALTER COLUMN "number" SET NOT NULL;
CREATE UNIQUE INDEX "Issue_year_number_key" ON "Issue" ("year", "number");

CREATE FUNCTION "assign_issue_number"() RETURNS trigger AS $$
BEGIN
  INSERT INTO "IssueYearCounter" ("year", "last") VALUES (NEW."year", 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "IssueYearCounter"."last" + 1
    RETURNING "last" INTO NEW."number";
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Issue_number" BEFORE INSERT ON "Issue"
  FOR EACH ROW EXECUTE FUNCTION "assign_issue_number"();

-- the number belongs to its year: neither changes once given
CREATE FUNCTION "keep_issue_number"() RETURNS trigger AS $$
BEGIN
  IF NEW."number" <> OLD."number" OR NEW."year" <> OLD."year" THEN
    RAISE EXCEPTION 'an issue keeps its year and number';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Issue_number_kept" BEFORE UPDATE OF "number", "year" ON "Issue"
  FOR EACH ROW EXECUTE FUNCTION "keep_issue_number"();
