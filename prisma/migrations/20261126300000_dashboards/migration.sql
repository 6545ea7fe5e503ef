-- Dashboards: mark the made-up figures of the demo set so the interface can label them 演示数据.
ALTER TABLE "MonthlyReport" ADD COLUMN "isDemo" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "PlannedInvestment" ADD COLUMN "isDemo" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Milestone" ADD COLUMN "isDemo" BOOLEAN NOT NULL DEFAULT false;
