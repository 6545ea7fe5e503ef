-- 调度期: monthly reporting periods, their publications, and the figures computed when published.
-- CreateEnum
CREATE TYPE "PeriodStatus" AS ENUM ('OPEN', 'PUBLISHED');
-- CreateEnum
CREATE TYPE "WarningLevel" AS ENUM ('RED', 'YELLOW', 'GREEN');
-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" SERIAL NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "PeriodStatus" NOT NULL DEFAULT 'OPEN',
    "currentPublicationId" INTEGER,
    "reopenReason" VARCHAR(500),
    "reopenedAt" TIMESTAMPTZ(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodPublication" (
    "id" SERIAL NOT NULL,
    "periodId" INTEGER NOT NULL,
    "publicationNo" INTEGER NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" INTEGER,
    "reopenReason" VARCHAR(500),
    "asOfDate" DATE NOT NULL,

    CONSTRAINT "PeriodPublication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectFigure" (
    "publicationId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "planYear" INTEGER NOT NULL,
    "parkId" INTEGER NOT NULL,
    "industry" VARCHAR(60),
    "listOrder" INTEGER NOT NULL DEFAULT 0,
    "totalInvestment" DECIMAL(16,2) NOT NULL,
    "annualPlanned" DECIMAL(16,2),
    "figureMonth" VARCHAR(7),
    "revisionId" INTEGER,
    "missing" BOOLEAN NOT NULL,
    "cumulative" DECIMAL(16,2),
    "monthInvestment" DECIMAL(16,2),
    "priorYearCumulative" DECIMAL(16,2) NOT NULL,
    "yearInvestment" DECIMAL(16,2) NOT NULL,
    "plannedCumulative" DECIMAL(16,2),
    "annualRate" DECIMAL(10,2),
    "totalRate" DECIMAL(10,2),
    "lagPoints" DECIMAL(10,2),
    "actualStartMonth" VARCHAR(7),
    "actualProductionMonth" VARCHAR(7),
    "warningLevel" "WarningLevel" NOT NULL,
    "warningReasons" TEXT[],
    "isDemo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ProjectFigure_pkey" PRIMARY KEY ("publicationId","projectId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_month_key" ON "ReportingPeriod"("month");
-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_currentPublicationId_key" ON "ReportingPeriod"("currentPublicationId");
-- CreateIndex
CREATE UNIQUE INDEX "PeriodPublication_periodId_publicationNo_key" ON "PeriodPublication"("periodId", "publicationNo");
-- CreateIndex
CREATE INDEX "ProjectFigure_publicationId_parkId_idx" ON "ProjectFigure"("publicationId", "parkId");
-- CreateIndex
CREATE INDEX "ProjectFigure_publicationId_warningLevel_idx" ON "ProjectFigure"("publicationId", "warningLevel");
-- CreateIndex
CREATE INDEX "ProjectFigure_projectId_month_idx" ON "ProjectFigure"("projectId", "month");
-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_currentPublicationId_fkey" FOREIGN KEY ("currentPublicationId") REFERENCES "PeriodPublication"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "PeriodPublication" ADD CONSTRAINT "PeriodPublication_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "PeriodPublication" ADD CONSTRAINT "PeriodPublication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "ProjectFigure" ADD CONSTRAINT "ProjectFigure_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "PeriodPublication"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "ProjectFigure" ADD CONSTRAINT "ProjectFigure_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_month_format" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');

-- A publication and its figures are what leaders read: never changed once written.
CREATE FUNCTION "reject_publication_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'published figures cannot be changed';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "PeriodPublication_immutable" BEFORE UPDATE ON "PeriodPublication"
  FOR EACH ROW EXECUTE FUNCTION "reject_publication_change"();
CREATE TRIGGER "ProjectFigure_immutable" BEFORE UPDATE ON "ProjectFigure"
  FOR EACH ROW EXECUTE FUNCTION "reject_publication_change"();

-- Lists read at province scale: issues by year and park, audit entries by person.
CREATE INDEX "Issue_year_status_idx" ON "Issue"("year", "status");
CREATE INDEX "Issue_parkId_idx" ON "Issue"("parkId");
CREATE INDEX "AuditLog_userId_createdAt_idx" ON "AuditLog"("userId", "createdAt");
CREATE INDEX "MonthlyReport_status_month_idx" ON "MonthlyReport"("status", "month");

-- A publication's sums per county park, computed with its figures.
CREATE TABLE "PublicationParkTotal" (
    "publicationId" INTEGER NOT NULL,
    "parkId" INTEGER NOT NULL,
    "projects" INTEGER NOT NULL,
    "totalInvestment" DECIMAL(18,2) NOT NULL,
    "annualPlanned" DECIMAL(18,2) NOT NULL,
    "withAnnualPlan" INTEGER NOT NULL,
    "yearInvestmentOfPlanned" DECIMAL(18,2) NOT NULL,
    "yearInvestment" DECIMAL(18,2) NOT NULL,
    "cumulative" DECIMAL(18,2) NOT NULL,
    "plannedAtMonth" DECIMAL(18,2),
    "actualOfPlanned" DECIMAL(18,2),
    "started" INTEGER NOT NULL,
    "startedByDeadline" INTEGER NOT NULL,
    "inProduction" INTEGER NOT NULL,
    "inProductionByDeadline" INTEGER NOT NULL,
    "missing" INTEGER NOT NULL,
    "red" INTEGER NOT NULL,
    "yellow" INTEGER NOT NULL,
    "green" INTEGER NOT NULL,
    "demoFigures" INTEGER NOT NULL,
    "plannedByMonth" DECIMAL(18,2)[],
    "plannedProjectsByMonth" INTEGER[],

    CONSTRAINT "PublicationParkTotal_pkey" PRIMARY KEY ("publicationId","parkId")
);
ALTER TABLE "PublicationParkTotal" ADD CONSTRAINT "PublicationParkTotal_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "PeriodPublication"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE TRIGGER "PublicationParkTotal_immutable" BEFORE UPDATE ON "PublicationParkTotal"
  FOR EACH ROW EXECUTE FUNCTION "reject_publication_change"();
