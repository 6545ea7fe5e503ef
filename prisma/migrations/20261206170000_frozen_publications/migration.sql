-- A publication is frozen (issue 16): everything its documents, its 调度表 and its lists print is
-- stored with it when it is published, and read from there forever.
--
-- 1. ProjectFigure keeps the project's facts as printed (code, name, 建设单位, status, 建设内容,
--    建设起止, 包保领导) and its open issues as of the publication's date.
-- 2. PublicationParkTotal keeps the park's name, county and list position.
-- 3. PublicationDocumentInputs keeps the rest of what the documents state (one JSON document per
--    publication: the plan's facts, issue counts and listed issues, the 情况报告's stored text,
--    the project facts its paragraphs print), never changed.
--
-- Publications made before this migration get 1. and 2. from the projects and parks as they are
-- when it runs (the best that is known); they have no row in 3., and their documents say so.

ALTER TABLE "ProjectFigure"
  ADD COLUMN "code" VARCHAR(40),
  ADD COLUMN "name" VARCHAR(200),
  ADD COLUMN "enterprise" VARCHAR(200),
  ADD COLUMN "projectStatus" "ProjectStatus",
  ADD COLUMN "constructionContent" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "startMonth" VARCHAR(7),
  ADD COLUMN "endMonth" VARCHAR(7),
  ADD COLUMN "responsibleLeader" VARCHAR(60),
  ADD COLUMN "openIssues" TEXT[] NOT NULL DEFAULT '{}';

ALTER TABLE "PublicationParkTotal"
  ADD COLUMN "parkName" VARCHAR(60),
  ADD COLUMN "county" VARCHAR(60),
  ADD COLUMN "parkSortOrder" INTEGER;

-- the backfill writes into rows the immutability triggers guard: lifted for these two statements only
ALTER TABLE "ProjectFigure" DISABLE TRIGGER "ProjectFigure_immutable";
UPDATE "ProjectFigure" f
   SET "code" = p.code, "name" = p.name, "enterprise" = p.enterprise, "projectStatus" = p.status,
       "constructionContent" = p."constructionContent",
       "startMonth" = coalesce(p."actualStartMonth", p."plannedStartMonth"),
       "endMonth" = coalesce(p."actualProductionMonth", p."plannedProductionMonth"),
       "responsibleLeader" = p."responsibleLeader"
  FROM "Project" p
 WHERE p.id = f."projectId";
ALTER TABLE "ProjectFigure" ENABLE TRIGGER "ProjectFigure_immutable";

ALTER TABLE "PublicationParkTotal" DISABLE TRIGGER "PublicationParkTotal_immutable";
UPDATE "PublicationParkTotal" t
   SET "parkName" = pk.name, "county" = pk.county, "parkSortOrder" = pk."sortOrder"
  FROM "Park" pk
 WHERE pk.id = t."parkId";
ALTER TABLE "PublicationParkTotal" ENABLE TRIGGER "PublicationParkTotal_immutable";

ALTER TABLE "ProjectFigure"
  ALTER COLUMN "code" SET NOT NULL,
  ALTER COLUMN "name" SET NOT NULL,
  ALTER COLUMN "projectStatus" SET NOT NULL;
ALTER TABLE "PublicationParkTotal"
  ALTER COLUMN "parkName" SET NOT NULL,
  ALTER COLUMN "county" SET NOT NULL,
  ALTER COLUMN "parkSortOrder" SET NOT NULL;

CREATE TABLE "PublicationDocumentInputs" (
    "publicationId" INTEGER NOT NULL,
    "format" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicationDocumentInputs_pkey" PRIMARY KEY ("publicationId")
);
ALTER TABLE "PublicationDocumentInputs" ADD CONSTRAINT "PublicationDocumentInputs_publicationId_fkey"
  FOREIGN KEY ("publicationId") REFERENCES "PeriodPublication"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE TRIGGER "PublicationDocumentInputs_immutable" BEFORE UPDATE ON "PublicationDocumentInputs"
  FOR EACH ROW EXECUTE FUNCTION "reject_publication_change"();
