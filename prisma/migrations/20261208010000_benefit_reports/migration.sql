-- 达产 and benefits (issue #21): the 达产 node kind, and benefit reports with immutable revisions
-- and their workflow events (like MonthlyReport / MonthlyReportRevision / ReportEvent).
ALTER TYPE "MilestoneKind" ADD VALUE IF NOT EXISTS 'FULL_PRODUCTION' BEFORE 'OTHER';

CREATE TABLE "BenefitReport" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL DEFAULT 0,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "currentRevisionId" INTEGER,
    "approvedRevisionId" INTEGER,
    "returnReason" VARCHAR(500),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BenefitReport_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BenefitRevision" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "revisionNo" INTEGER NOT NULL,
    "output" DECIMAL(16,2),
    "tax" DECIMAL(16,2),
    "jobs" INTEGER,
    "metrics" JSONB NOT NULL DEFAULT '[]',
    "note" VARCHAR(500),
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenefitRevision_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "BenefitEvent" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "revisionId" INTEGER,
    "action" "ReportAction" NOT NULL,
    "fromStatus" "ReportStatus",
    "toStatus" "ReportStatus" NOT NULL,
    "reason" VARCHAR(500),
    "userId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenefitEvent_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "BenefitReport_currentRevisionId_key" ON "BenefitReport"("currentRevisionId");

CREATE UNIQUE INDEX "BenefitReport_approvedRevisionId_key" ON "BenefitReport"("approvedRevisionId");

CREATE INDEX "BenefitReport_status_updatedAt_idx" ON "BenefitReport"("status", "updatedAt");

CREATE UNIQUE INDEX "BenefitReport_projectId_year_quarter_key" ON "BenefitReport"("projectId", "year", "quarter");

CREATE UNIQUE INDEX "BenefitRevision_reportId_revisionNo_key" ON "BenefitRevision"("reportId", "revisionNo");

CREATE INDEX "BenefitEvent_reportId_idx" ON "BenefitEvent"("reportId");

ALTER TABLE "BenefitReport" ADD CONSTRAINT "BenefitReport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "BenefitReport" ADD CONSTRAINT "BenefitReport_currentRevisionId_fkey" FOREIGN KEY ("currentRevisionId") REFERENCES "BenefitRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "BenefitReport" ADD CONSTRAINT "BenefitReport_approvedRevisionId_fkey" FOREIGN KEY ("approvedRevisionId") REFERENCES "BenefitRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "BenefitRevision" ADD CONSTRAINT "BenefitRevision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "BenefitReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "BenefitRevision" ADD CONSTRAINT "BenefitRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "BenefitEvent" ADD CONSTRAINT "BenefitEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "BenefitReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "BenefitEvent" ADD CONSTRAINT "BenefitEvent_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "BenefitRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "BenefitEvent" ADD CONSTRAINT "BenefitEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "BenefitReport" ADD CONSTRAINT "BenefitReport_period_valid" CHECK ("year" BETWEEN 2000 AND 2100 AND "quarter" BETWEEN 0 AND 4);
ALTER TABLE "BenefitRevision" ADD CONSTRAINT "BenefitRevision_figures_nonneg" CHECK (("output" IS NULL OR "output" >= 0) AND ("tax" IS NULL OR "tax" >= 0) AND ("jobs" IS NULL OR "jobs" >= 0));

-- A revision of a benefit report is a record of what was reported: never changed, never deleted.
CREATE TRIGGER "BenefitRevision_immutable" BEFORE UPDATE OR DELETE ON "BenefitRevision"
  FOR EACH ROW EXECUTE FUNCTION "reject_revision_change"();
