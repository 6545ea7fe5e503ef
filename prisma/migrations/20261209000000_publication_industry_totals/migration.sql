-- A publication's sums per 产业, computed from its figures when it is published and never changed
-- (src/server/figures/publish.ts, insertIndustryTotals): the overview's 各产业完成率 reads about
-- twenty rows instead of grouping every figure of the publication (50,000 at national size:
-- 115 ms a page view; docs/benchmark.md "National size").
CREATE TABLE "PublicationIndustryTotal" (
    "publicationId" INTEGER NOT NULL,
    "industry" VARCHAR(60) NOT NULL,
    "projects" INTEGER NOT NULL,
    "totalInvestment" DECIMAL(18,2) NOT NULL,
    "annualPlanned" DECIMAL(18,2) NOT NULL,
    "withAnnualPlan" INTEGER NOT NULL,
    "yearInvestmentOfPlanned" DECIMAL(18,2) NOT NULL,
    "yearInvestment" DECIMAL(18,2) NOT NULL,
    "cumulative" DECIMAL(18,2) NOT NULL,
    "missing" INTEGER NOT NULL,
    "red" INTEGER NOT NULL,
    "yellow" INTEGER NOT NULL,
    "demoFigures" INTEGER NOT NULL,

    CONSTRAINT "PublicationIndustryTotal_pkey" PRIMARY KEY ("publicationId","industry")
);
ALTER TABLE "PublicationIndustryTotal" ADD CONSTRAINT "PublicationIndustryTotal_publicationId_fkey"
  FOREIGN KEY ("publicationId") REFERENCES "PeriodPublication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- the publications made before this table: the same sums from their stored figures (which never
-- change), so that every publication reads the same way
INSERT INTO "PublicationIndustryTotal" ("publicationId", industry, projects, "totalInvestment", "annualPlanned",
  "withAnnualPlan", "yearInvestmentOfPlanned", "yearInvestment", cumulative, missing, red, yellow, "demoFigures")
SELECT f."publicationId", coalesce(f.industry, ''), count(*)::int, sum(f."totalInvestment"),
       coalesce(sum(f."annualPlanned"), 0), count(f."annualPlanned")::int,
       coalesce(sum(f."yearInvestment") FILTER (WHERE f."annualPlanned" IS NOT NULL), 0),
       sum(f."yearInvestment"), coalesce(sum(f.cumulative), 0),
       count(*) FILTER (WHERE f.missing)::int, count(*) FILTER (WHERE f."warningLevel" = 'RED')::int,
       count(*) FILTER (WHERE f."warningLevel" = 'YELLOW')::int, count(*) FILTER (WHERE f."isDemo")::int
  FROM "ProjectFigure" f
 GROUP BY f."publicationId", coalesce(f.industry, '');

CREATE TRIGGER "PublicationIndustryTotal_immutable" BEFORE UPDATE ON "PublicationIndustryTotal"
  FOR EACH ROW EXECUTE FUNCTION "reject_publication_change"();
