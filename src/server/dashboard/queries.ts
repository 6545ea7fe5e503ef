// Aggregates behind the leaders' charts: investment by month, completion by county park and by
// industry, issues by category and status. Each is one SQL query, whatever the number of rows.
import "server-only";
import { Prisma, type IssueCategory, type IssueStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { COUNTED_REVISION, latestReportUpTo, monthFigureCtes, yearMonths } from "@/server/reports/counted-revision";

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
  /** projects whose latest figure is older than the plan's latest reported month (数据未更新) */
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
           count(*) FILTER (WHERE lr.month < ref.month)::int AS "staleProjects",
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

export type IssueScope = { year?: number; today: string; parkId?: number; projectId?: number };

export type IssueSummary = {
  total: number;
  closed: number;
  overdue: number;
  demo: number;
  byCategory: Array<{ category: IssueCategory; counts: Record<IssueStatus, number>; total: number; overdue: number }>;
};

function issueFilter(scope: IssueScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`true`];
  if (scope.year !== undefined) parts.push(Prisma.sql`i.year = ${scope.year}`);
  if (scope.parkId !== undefined) parts.push(Prisma.sql`(i."parkId" = ${scope.parkId} OR p."parkId" = ${scope.parkId})`);
  if (scope.projectId !== undefined) parts.push(Prisma.sql`i."projectId" = ${scope.projectId}`);
  return Prisma.join(parts, " AND ");
}

const OVERDUE = (today: string) => Prisma.sql`(i.status <> 'CLOSED' AND i."dueDate" IS NOT NULL AND i."dueDate" < ${today}::date)`;

/** Issues of the year by category and status, with the overdue count (open past the due date). */
export async function getIssueSummary(prisma: Db, scope: IssueScope): Promise<IssueSummary> {
  const rows = await prisma.$queryRaw<
    Array<{ category: IssueCategory; status: IssueStatus; n: number; overdue: number; demo: number }>
  >(Prisma.sql`
    SELECT i.category, i.status, count(*)::int AS n,
           count(*) FILTER (WHERE ${OVERDUE(scope.today)})::int AS overdue,
           count(*) FILTER (WHERE i."isDemo")::int AS demo
      FROM "Issue" i
      LEFT JOIN "Project" p ON p.id = i."projectId"
     WHERE ${issueFilter(scope)}
     GROUP BY i.category, i.status
     ORDER BY i.category, i.status`);
  const byCategory = new Map<IssueCategory, IssueSummary["byCategory"][number]>();
  const summary: IssueSummary = { total: 0, closed: 0, overdue: 0, demo: 0, byCategory: [] };
  for (const r of rows) {
    let c = byCategory.get(r.category);
    if (!c) {
      c = { category: r.category, counts: { OPEN: 0, IN_PROGRESS: 0, CLOSED: 0 }, total: 0, overdue: 0 };
      byCategory.set(r.category, c);
      summary.byCategory.push(c);
    }
    c.counts[r.status] += r.n;
    c.total += r.n;
    c.overdue += r.overdue;
    summary.total += r.n;
    summary.overdue += r.overdue;
    summary.demo += r.demo;
    if (r.status === "CLOSED") summary.closed += r.n;
  }
  return summary;
}

export type IssueRow = {
  id: number;
  category: IssueCategory;
  subCategory: string | null;
  title: string;
  description: string;
  status: IssueStatus;
  responsibleUnit: string | null;
  responsibleLeader: string | null;
  raisedDate: Date | null;
  dueDate: Date | null;
  closedDate: Date | null;
  resolution: string | null;
  overdue: boolean;
  isDemo: boolean;
  projectCode: string | null;
  projectName: string | null;
  parkName: string | null;
};

/** The issues of a year (of a park or a project), overdue ones first. */
export async function listIssues(prisma: Db, scope: IssueScope): Promise<IssueRow[]> {
  return prisma.$queryRaw<IssueRow[]>(Prisma.sql`
    SELECT i.id, i.category, i."subCategory", i.title, i.description, i.status, i."responsibleUnit",
           i."responsibleLeader", i."raisedDate", i."dueDate", i."closedDate", i.resolution,
           ${OVERDUE(scope.today)} AS overdue, i."isDemo",
           p.code AS "projectCode", p.name AS "projectName", coalesce(pk.name, ppk.name) AS "parkName"
      FROM "Issue" i
      LEFT JOIN "Project" p ON p.id = i."projectId"
      LEFT JOIN "Park" pk ON pk.id = i."parkId"
      LEFT JOIN "Park" ppk ON ppk.id = p."parkId"
     WHERE ${issueFilter(scope)}
     ORDER BY ${OVERDUE(scope.today)} DESC, (i.status = 'CLOSED'), i."dueDate" NULLS LAST, i."sortOrder", i.id`);
}

export type IssueParkRow = { parkId: number | null; parkName: string | null; total: number; open: number; overdue: number };

/** Issues of the year per county park (a project's issue counts for its park); park-wide issues have parkId null. */
export async function getIssueCountsByPark(prisma: Db, scope: { year: number; today: string }): Promise<IssueParkRow[]> {
  return prisma.$queryRaw<IssueParkRow[]>(Prisma.sql`
    SELECT pk.id AS "parkId", pk.name AS "parkName", count(*)::int AS total,
           count(*) FILTER (WHERE i.status <> 'CLOSED')::int AS open,
           count(*) FILTER (WHERE ${OVERDUE(scope.today)})::int AS overdue
      FROM "Issue" i
      LEFT JOIN "Project" p ON p.id = i."projectId"
      LEFT JOIN "Park" pk ON pk.id = coalesce(i."parkId", p."parkId")
     WHERE i.year = ${scope.year}
     GROUP BY pk.id, pk.name, pk."sortOrder"
     ORDER BY pk."sortOrder" NULLS FIRST, pk.name`);
}
