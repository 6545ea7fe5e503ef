-- 资金到位 by source (issue #21, items 2 and 3): a project's funding plan by source, the cumulative
-- money in place by source on each monthly report revision, the published figures (frozen with the
-- publication), a 数据质量 check, and the source and 缺口 of an issue under 资金问题.
CREATE TYPE "FundingSource" AS ENUM ('FISCAL', 'SPECIAL_BOND', 'BANK_LOAN', 'SELF_RAISED', 'OTHER');
-- not used in this script (PostgreSQL refuses a new enum value used in the transaction that adds it)
ALTER TYPE "QualityKind" ADD VALUE 'FUNDS_SHORT';

CREATE TABLE "ProjectFundingPlan" (
    "projectId" INTEGER NOT NULL,
    "source" "FundingSource" NOT NULL,
    "planned" DECIMAL(16,2) NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProjectFundingPlan_pkey" PRIMARY KEY ("projectId", "source"),
    CONSTRAINT "ProjectFundingPlan_planned_check" CHECK ("planned" >= 0)
);
ALTER TABLE "ProjectFundingPlan" ADD CONSTRAINT "ProjectFundingPlan_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- the revision table's immutability trigger guards rows, not the table's shape: new nullable columns
ALTER TABLE "MonthlyReportRevision"
    ADD COLUMN "fundsFiscal" DECIMAL(16,2),
    ADD COLUMN "fundsBond" DECIMAL(16,2),
    ADD COLUMN "fundsBank" DECIMAL(16,2),
    ADD COLUMN "fundsSelf" DECIMAL(16,2),
    ADD COLUMN "fundsOther" DECIMAL(16,2),
    ADD CONSTRAINT "MonthlyReportRevision_funds_check" CHECK (
        coalesce("fundsFiscal", 0) >= 0 AND coalesce("fundsBond", 0) >= 0 AND coalesce("fundsBank", 0) >= 0
        AND coalesce("fundsSelf", 0) >= 0 AND coalesce("fundsOther", 0) >= 0);

ALTER TABLE "Issue"
    ADD COLUMN "fundingSource" "FundingSource",
    ADD COLUMN "fundingGap" DECIMAL(16,2),
    -- a source and a 缺口 only on an issue under 资金问题; a 缺口 is never negative
    ADD CONSTRAINT "Issue_funding_check" CHECK (
        ("category" = 'FUNDING' OR ("fundingSource" IS NULL AND "fundingGap" IS NULL))
        AND coalesce("fundingGap", 0) >= 0);
CREATE INDEX "Issue_year_fundingSource_idx" ON "Issue"("year", "fundingSource") WHERE "fundingSource" IS NOT NULL OR "fundingGap" IS NOT NULL;

-- publications made before: not counted (their pages say so, never "0%")
ALTER TABLE "PeriodPublication" ADD COLUMN "fundingCounted" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "ProjectFigure"
    ADD COLUMN "fundingPlanned" DECIMAL(16,2),
    ADD COLUMN "fundsFiscal" DECIMAL(16,2),
    ADD COLUMN "fundsBond" DECIMAL(16,2),
    ADD COLUMN "fundsBank" DECIMAL(16,2),
    ADD COLUMN "fundsSelf" DECIMAL(16,2),
    ADD COLUMN "fundsOther" DECIMAL(16,2),
    ADD COLUMN "fundingInPlace" DECIMAL(16,2),
    ADD COLUMN "fundingRate" DECIMAL(10,2);

ALTER TABLE "PublicationParkTotal"
    ADD COLUMN "fundingPlanned" DECIMAL(18,2) NOT NULL DEFAULT 0,
    ADD COLUMN "withFundingPlan" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "fundingInPlaceOfPlanned" DECIMAL(18,2) NOT NULL DEFAULT 0,
    ADD COLUMN "fundingInPlace" DECIMAL(18,2) NOT NULL DEFAULT 0;
