-- 数据质量 (issue #17): the optional 形象进度 stage of a monthly report, and the checks' flags on a
-- revision (written when it is submitted) and on a publication (frozen with it).
CREATE TYPE "ProgressStage" AS ENUM ('PRELIMINARY', 'FOUNDATION', 'STRUCTURE', 'STRUCTURE_DONE', 'EQUIPMENT', 'COMMISSIONING', 'PRODUCTION');
CREATE TYPE "QualityKind" AS ENUM ('JUMP', 'OVER_TOTAL', 'AHEAD_OF_STAGE', 'PHOTO_REUSED', 'TEXT_UNCHANGED', 'ZERO_STREAK', 'STATS_APART');

-- the revision table's immutability trigger guards rows, not the table's shape: a new nullable column
ALTER TABLE "MonthlyReportRevision" ADD COLUMN "progressStage" "ProgressStage";

CREATE TABLE "RevisionQualityFlag" (
    "revisionId" INTEGER NOT NULL,
    "kind" "QualityKind" NOT NULL,
    "message" VARCHAR(500) NOT NULL,
    "evidence" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RevisionQualityFlag_pkey" PRIMARY KEY ("revisionId", "kind")
);
ALTER TABLE "RevisionQualityFlag" ADD CONSTRAINT "RevisionQualityFlag_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "MonthlyReportRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "PublicationQualityFlag" (
    "publicationId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "parkId" INTEGER NOT NULL,
    "kind" "QualityKind" NOT NULL,
    "message" VARCHAR(500) NOT NULL,
    "evidence" JSONB NOT NULL,
    "verification" VARCHAR(500),
    CONSTRAINT "PublicationQualityFlag_pkey" PRIMARY KEY ("publicationId", "projectId", "kind")
);
CREATE INDEX "PublicationQualityFlag_publicationId_parkId_idx" ON "PublicationQualityFlag"("publicationId", "parkId");
ALTER TABLE "PublicationQualityFlag" ADD CONSTRAINT "PublicationQualityFlag_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "PeriodPublication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- written once, never changed: a revision's flags like the revision, a publication's like the publication
CREATE TRIGGER "RevisionQualityFlag_immutable" BEFORE UPDATE ON "RevisionQualityFlag"
  FOR EACH ROW EXECUTE FUNCTION "reject_revision_change"();
CREATE TRIGGER "PublicationQualityFlag_immutable" BEFORE UPDATE ON "PublicationQualityFlag"
  FOR EACH ROW EXECUTE FUNCTION "reject_publication_change"();
