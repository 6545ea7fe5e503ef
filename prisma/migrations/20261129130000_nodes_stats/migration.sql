-- Node plans (节点计划) and 入库/纳统: the typical nodes as milestone kinds, each node's
-- responsible unit and person and the evidence of its actual date; a project's 入库 month and
-- its 入统数 figures, kept apart from the 调度数.
-- (New enum values are not used in this script: PostgreSQL allows adding them in a transaction.)
ALTER TYPE "MilestoneKind" ADD VALUE IF NOT EXISTS 'LAND' BEFORE 'START';
ALTER TYPE "MilestoneKind" ADD VALUE IF NOT EXISTS 'PLANNING_PERMIT' BEFORE 'START';
ALTER TYPE "MilestoneKind" ADD VALUE IF NOT EXISTS 'CONSTRUCTION_PERMIT' BEFORE 'START';
ALTER TYPE "MilestoneKind" ADD VALUE IF NOT EXISTS 'STATS_ENTRY' BEFORE 'OTHER';
ALTER TYPE "MilestoneKind" ADD VALUE IF NOT EXISTS 'COMPLETION' BEFORE 'OTHER';

-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN "responsibleUnit" VARCHAR(100),
ADD COLUMN "responsiblePerson" VARCHAR(60),
ADD COLUMN "evidence" VARCHAR(500),
ADD COLUMN "actualRecordedById" INTEGER,
ADD COLUMN "actualRecordedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Project" ADD COLUMN "statsEnteredMonth" VARCHAR(7),
ADD COLUMN "statsRecordedById" INTEGER,
ADD COLUMN "statsRecordedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ProjectStatsFigure" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "cumulativeInvestment" DECIMAL(16,2) NOT NULL,
    "recordedById" INTEGER,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProjectStatsFigure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProjectStatsFigure_projectId_month_key" ON "ProjectStatsFigure"("projectId", "month");

-- CreateIndex
CREATE INDEX "Milestone_plannedDate_idx" ON "Milestone"("plannedDate");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_statsRecordedById_fkey" FOREIGN KEY ("statsRecordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_actualRecordedById_fkey" FOREIGN KEY ("actualRecordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectStatsFigure" ADD CONSTRAINT "ProjectStatsFigure_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectStatsFigure" ADD CONSTRAINT "ProjectStatsFigure_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
