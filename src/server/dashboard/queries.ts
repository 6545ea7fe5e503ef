// Aggregates behind the leaders' charts: investment by month, completion by county park and by
// industry. Each is one SQL query, whatever the number of rows. (Issue counts: src/server/issues.)
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { COUNTED_REVISION, latestReportUpTo, monthFigureCtes, yearMonths } from "@/server/reports/counted-revision";
import { staleSql } from "@/server/reports/stale";

export type TimelineScope = { year: number; parkId?: number; projectId?: number };

export type TimelinePoint = {
  month: string;
  /** sum of PlannedInvestment.cumulativePlanned for the month over the projects that have one, 万元 */
  planned: string | null;
  plannedProjects: number;
  plannedDemo: boolean;
  /** sum of the month's reported cumulative figures (approved, or submitted awaiting review), 万元 */
  actual: string | null;
  reportedProjects: number;
  submittedOnly: number;
  actualDemo: boolean;
  /** the planned cumulative of just the projects that reported the month (like for like with actual), 万元 */
  plannedOfReported: string | null;
};

function memberFilter(scope: TimelineScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`ap.year = ${scope.year}`];
  if (scope.parkId !== undefined) parts.push(Prisma.sql`p."parkId" = ${scope.parkId}`);
  if (scope.projectId !== undefined) parts.push(Prisma.sql`p.id = ${scope.projectId}`);
  return Prisma.join(parts, " AND ");
}

/**
 * Cumulative planned vs actual investment by month of the plan year. A month's actual sum
 * counts only the projects that reported that month (reportedProjects says how many): nothing
 * is carried forward from an earlier month.
 */
export async function getInvestmentTimeline(prisma: Db, scope: TimelineScope): Promise<TimelinePoint[]> {
  const { first, last } = yearMonths(scope.year);
  const rows = await prisma.$queryRaw<
    Array<{
      month: string;
      planned: Prisma.Decimal | null;
      plannedProjects: number;
      plannedDemo: boolean | null;
      actual: Prisma.Decimal | null;
      reportedProjects: number;
      submittedOnly: number;
      actualDemo: boolean | null;
      plannedOfReported: Prisma.Decimal | null;
    }>
  >(Prisma.sql`
    WITH members AS (
      SELECT p.id FROM "AnnualPlan" ap
        JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
        JOIN "Project" p ON p.id = e."projectId"
       WHERE ${memberFilter(scope)}
    ), ${monthFigureCtes(first, last)}, a AS (
      SELECT f.month, sum(f."cumulativeInvestment") AS actual, count(*)::int AS "reportedProjects",
             count(*) FILTER (WHERE f.status = 'SUBMITTED')::int AS "submittedOnly", bool_or(f."isDemo") AS "actualDemo",
             sum(p2."cumulativePlanned") AS "plannedOfReported"
        FROM figs f
        LEFT JOIN planned p2 ON p2."projectId" = f."projectId" AND p2.month = f.month
       GROUP BY f.month
    ), pl AS (
      SELECT month, sum("cumulativePlanned") AS planned, count(*)::int AS "plannedProjects", bool_or("isDemo") AS "plannedDemo"
        FROM planned GROUP BY month
    )
    SELECT coalesce(a.month, pl.month) AS month, pl.planned, coalesce(pl."plannedProjects", 0) AS "plannedProjects",
           pl."plannedDemo", a.actual, coalesce(a."reportedProjects", 0) AS "reportedProjects",
           coalesce(a."submittedOnly", 0) AS "submittedOnly", a."actualDemo", a."plannedOfReported"
      FROM a FULL JOIN pl ON pl.month = a.month
     ORDER BY 1`);
  return rows.map((r) => ({
    month: r.month,
    planned: r.planned?.toString() ?? null,
    plannedProjects: r.plannedProjects,
    plannedDemo: r.plannedDemo ?? false,
    actual: r.actual?.toString() ?? null,
    reportedProjects: r.reportedProjects,
    submittedOnly: r.submittedOnly,
    actualDemo: r.actualDemo ?? false,
    plannedOfReported: r.plannedOfReported?.toString() ?? null,
  }));
}

export type BreakdownRow = {
  /** park id as text, or the industry name ("" for none) */
  key: string;
  label: string;
  projectCount: number;
  demoProjects: number;
  totalInvestment: string;
  /** sum of the per-project annual plans, and how many projects have one */
  annualPlanned: string;
  projectsWithAnnualPlan: number;
  /** sum of each project's latest cumulative figure within the year */
  completed: string;
  reportedProjects: number;
  /** projects with a figure in the year that is stale (数据未更新, src/server/reports/stale.ts) */
  staleProjects: number;
  demoReports: number;
};

/** Completion by county park or by industry over the projects of `year`'s list. */
export async function getCompletionBreakdown(
  prisma: Db,
  year: number,
  by: "park" | "industry",
): Promise<BreakdownRow[]> {
  const group =
    by === "park"
      ? { key: Prisma.sql`pk.id::text`, label: Prisma.sql`pk.name`, order: Prisma.sql`min(pk."sortOrder"), pk.name` }
      : {
          key: Prisma.sql`coalesce(p.industry, '')`,
          label: Prisma.sql`coalesce(p.industry, '未分类')`,
          order: Prisma.sql`sum(p."totalInvestment") DESC, 2`,
        };
  const rows = await prisma.$queryRaw<
    Array<{
      key: string;
      label: string;
      projectCount: number;
      demoProjects: number;
      totalInvestment: Prisma.Decimal;
      annualPlanned: Prisma.Decimal;
      projectsWithAnnualPlan: number;
      completed: Prisma.Decimal;
      reportedProjects: number;
      staleProjects: number;
      demoReports: number;
    }>
  >(Prisma.sql`
    SELECT ${group.key} AS key, ${group.label} AS label,
           count(*)::int AS "projectCount",
           count(*) FILTER (WHERE p."isDemo")::int AS "demoProjects",
           sum(p."totalInvestment") AS "totalInvestment",
           coalesce(sum(e."annualPlannedInvestment"), 0) AS "annualPlanned",
           count(e."annualPlannedInvestment")::int AS "projectsWithAnnualPlan",
           coalesce(sum(lr."cumulativeInvestment"), 0) AS completed,
           count(lr.month)::int AS "reportedProjects",
           count(*) FILTER (WHERE lr.month IS NOT NULL AND ${staleSql(Prisma.sql`lr.month`, Prisma.sql`ref.month`)})::int AS "staleProjects",
           count(*) FILTER (WHERE lr."isDemo")::int AS "demoReports"
      FROM "AnnualPlan" ap
      CROSS JOIN LATERAL (
        SELECT max(r.month) AS month
          FROM "AnnualPlanEntry" e2
          JOIN "MonthlyReport" r ON r."projectId" = e2."projectId"
          JOIN "MonthlyReportRevision" rv ON rv.id = ${COUNTED_REVISION}
         WHERE e2."planId" = ap.id AND r.month BETWEEN ${`${year}-01`} AND ${`${year}-12`}
      ) ref
      JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
      JOIN "Project" p ON p.id = e."projectId"
      JOIN "Park" pk ON pk.id = p."parkId"
      ${latestReportUpTo(`${year}-12`)}
     WHERE ap.year = ${year}
     GROUP BY 1, 2
     ORDER BY ${group.order}`);
  return rows.map((r) => ({
    ...r,
    totalInvestment: r.totalInvestment.toString(),
    annualPlanned: r.annualPlanned.toString(),
    completed: r.completed.toString(),
  }));
}
