-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'COUNTY', 'LEADER');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('NOT_STARTED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION', 'COMPLETED');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "ReportAction" AS ENUM ('SAVE', 'SUBMIT', 'APPROVE', 'RETURN');

-- CreateEnum
CREATE TYPE "IssueStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'CLOSED');

-- CreateEnum
CREATE TYPE "IssueCategory" AS ENUM ('FUNDING', 'FACTOR', 'INSTITUTIONAL', 'LAND', 'ENERGY', 'ENVIRONMENT', 'WATER_POWER', 'APPROVAL');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('START', 'MAIN_STRUCTURE', 'EQUIPMENT', 'PRODUCTION', 'OTHER');

-- CreateTable
CREATE TABLE "Park" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "county" VARCHAR(60) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Park_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlan" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "declaredProjectCount" INTEGER NOT NULL,
    "declaredTotalInvestment" DECIMAL(16,2) NOT NULL,
    "declaredAnnualInvestment" DECIMAL(16,2) NOT NULL,
    "startDeadline" DATE NOT NULL,
    "startTargetShare" DECIMAL(5,4) NOT NULL DEFAULT 1,
    "startTargetLabel" VARCHAR(40) NOT NULL DEFAULT '全部开工',
    "productionDeadline" DATE NOT NULL,
    "productionTargetShare" DECIMAL(5,4),
    "productionTargetLabel" VARCHAR(40) NOT NULL,
    "targetText" VARCHAR(200) NOT NULL,
    "factorGuarantees" TEXT[],
    "source" VARCHAR(200),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AnnualPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlanEntry" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "annualPlannedInvestment" DECIMAL(16,2),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnualPlanEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "parkId" INTEGER NOT NULL,
    "enterprise" VARCHAR(200),
    "industry" VARCHAR(60),
    "level" VARCHAR(40),
    "totalInvestment" DECIMAL(16,2) NOT NULL,
    "plannedStartMonth" VARCHAR(7),
    "actualStartMonth" VARCHAR(7),
    "plannedProductionMonth" VARCHAR(7),
    "actualProductionMonth" VARCHAR(7),
    "status" "ProjectStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "constructionContent" TEXT NOT NULL DEFAULT '',
    "expectedOutput" DECIMAL(16,2),
    "expectedOutputAtLeast" BOOLEAN NOT NULL DEFAULT false,
    "expectedJobs" INTEGER,
    "expectedJobsAtLeast" BOOLEAN NOT NULL DEFAULT false,
    "expectedTax" DECIMAL(16,2),
    "expectedTaxAtLeast" BOOLEAN NOT NULL DEFAULT false,
    "responsibleLeader" VARCHAR(60),
    "contactName" VARCHAR(60),
    "contactPhone" VARCHAR(40),
    "source" VARCHAR(200),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMetric" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "unit" VARCHAR(30) NOT NULL,
    "qualifier" VARCHAR(10),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProjectMetric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlannedInvestment" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "cumulativePlanned" DECIMAL(16,2) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlannedInvestment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "plannedDate" DATE,
    "actualDate" DATE,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlyReport" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "currentRevisionId" INTEGER,
    "approvedRevisionId" INTEGER,
    "returnReason" VARCHAR(500),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MonthlyReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlyReportRevision" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "revisionNo" INTEGER NOT NULL,
    "monthInvestment" DECIMAL(16,2),
    "cumulativeInvestment" DECIMAL(16,2) NOT NULL,
    "progressText" TEXT NOT NULL,
    "actualStartMonth" VARCHAR(7),
    "actualProductionMonth" VARCHAR(7),
    "explanation" VARCHAR(500),
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonthlyReportRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportEvent" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "revisionId" INTEGER,
    "action" "ReportAction" NOT NULL,
    "fromStatus" "ReportStatus",
    "toStatus" "ReportStatus" NOT NULL,
    "reason" VARCHAR(500),
    "userId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Issue" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "projectId" INTEGER,
    "parkId" INTEGER,
    "category" "IssueCategory" NOT NULL,
    "subCategory" VARCHAR(60),
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "responsibleUnit" VARCHAR(100),
    "responsibleLeader" VARCHAR(60),
    "raisedDate" DATE,
    "dueDate" DATE,
    "status" "IssueStatus" NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "closedDate" DATE,
    "source" VARCHAR(200),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueUpdate" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "fromStatus" "IssueStatus",
    "toStatus" "IssueStatus",
    "userId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssueUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSection" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "key" VARCHAR(40) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(40) NOT NULL,
    "displayName" VARCHAR(60) NOT NULL,
    "passwordHash" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL,
    "parkId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" VARCHAR(64) NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" VARCHAR(300),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(40) NOT NULL,
    "ip" VARCHAR(64),
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "actor" VARCHAR(60) NOT NULL,
    "action" VARCHAR(40) NOT NULL,
    "entity" VARCHAR(40) NOT NULL,
    "entityId" VARCHAR(60) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" VARCHAR(64),

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Park_name_key" ON "Park"("name");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlan_year_key" ON "AnnualPlan"("year");

-- CreateIndex
CREATE INDEX "AnnualPlanEntry_projectId_idx" ON "AnnualPlanEntry"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlanEntry_planId_projectId_key" ON "AnnualPlanEntry"("planId", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_code_key" ON "Project"("code");

-- CreateIndex
CREATE INDEX "Project_parkId_idx" ON "Project"("parkId");

-- CreateIndex
CREATE INDEX "Project_status_idx" ON "Project"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectMetric_projectId_name_key" ON "ProjectMetric"("projectId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PlannedInvestment_projectId_month_key" ON "PlannedInvestment"("projectId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_projectId_name_key" ON "Milestone"("projectId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyReport_currentRevisionId_key" ON "MonthlyReport"("currentRevisionId");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyReport_approvedRevisionId_key" ON "MonthlyReport"("approvedRevisionId");

-- CreateIndex
CREATE INDEX "MonthlyReport_month_status_idx" ON "MonthlyReport"("month", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyReport_projectId_month_key" ON "MonthlyReport"("projectId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyReportRevision_reportId_revisionNo_key" ON "MonthlyReportRevision"("reportId", "revisionNo");

-- CreateIndex
CREATE INDEX "ReportEvent_reportId_idx" ON "ReportEvent"("reportId");

-- CreateIndex
CREATE INDEX "Issue_projectId_idx" ON "Issue"("projectId");

-- CreateIndex
CREATE INDEX "Issue_status_idx" ON "Issue"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Issue_year_title_key" ON "Issue"("year", "title");

-- CreateIndex
CREATE INDEX "IssueUpdate_issueId_idx" ON "IssueUpdate"("issueId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSection_planId_key_sortOrder_key" ON "ReportSection"("planId", "key", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "LoginAttempt_username_createdAt_idx" ON "LoginAttempt"("username", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- AddForeignKey
ALTER TABLE "AnnualPlanEntry" ADD CONSTRAINT "AnnualPlanEntry_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AnnualPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlanEntry" ADD CONSTRAINT "AnnualPlanEntry_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMetric" ADD CONSTRAINT "ProjectMetric_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedInvestment" ADD CONSTRAINT "PlannedInvestment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReport" ADD CONSTRAINT "MonthlyReport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReport" ADD CONSTRAINT "MonthlyReport_currentRevisionId_fkey" FOREIGN KEY ("currentRevisionId") REFERENCES "MonthlyReportRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReport" ADD CONSTRAINT "MonthlyReport_approvedRevisionId_fkey" FOREIGN KEY ("approvedRevisionId") REFERENCES "MonthlyReportRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReportRevision" ADD CONSTRAINT "MonthlyReportRevision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonthlyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReportRevision" ADD CONSTRAINT "MonthlyReportRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEvent" ADD CONSTRAINT "ReportEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonthlyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEvent" ADD CONSTRAINT "ReportEvent_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "MonthlyReportRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEvent" ADD CONSTRAINT "ReportEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueUpdate" ADD CONSTRAINT "IssueUpdate_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueUpdate" ADD CONSTRAINT "IssueUpdate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSection" ADD CONSTRAINT "ReportSection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AnnualPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Guards the application relies on, kept in the database as well.
ALTER TABLE "Project" ADD CONSTRAINT "Project_totalInvestment_nonneg" CHECK ("totalInvestment" >= 0);
ALTER TABLE "Project" ADD CONSTRAINT "Project_months_format" CHECK (
  ("plannedStartMonth" IS NULL OR "plannedStartMonth" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$') AND
  ("actualStartMonth" IS NULL OR "actualStartMonth" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$') AND
  ("plannedProductionMonth" IS NULL OR "plannedProductionMonth" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$') AND
  ("actualProductionMonth" IS NULL OR "actualProductionMonth" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'));
ALTER TABLE "AnnualPlan" ADD CONSTRAINT "AnnualPlan_amounts_nonneg" CHECK ("declaredTotalInvestment" >= 0 AND "declaredAnnualInvestment" >= 0 AND "declaredProjectCount" >= 0);
ALTER TABLE "PlannedInvestment" ADD CONSTRAINT "PlannedInvestment_valid" CHECK ("cumulativePlanned" >= 0 AND "month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "MonthlyReport" ADD CONSTRAINT "MonthlyReport_month_format" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "MonthlyReportRevision" ADD CONSTRAINT "MonthlyReportRevision_amounts_nonneg" CHECK (("monthInvestment" IS NULL OR "monthInvestment" >= 0) AND "cumulativeInvestment" >= 0);

-- A revision of a monthly report is a record of what was reported: never changed, never deleted.
CREATE FUNCTION "reject_revision_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'monthly report revisions are immutable';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "MonthlyReportRevision_immutable" BEFORE UPDATE OR DELETE ON "MonthlyReportRevision"
  FOR EACH ROW EXECUTE FUNCTION "reject_revision_change"();
