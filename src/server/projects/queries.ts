// Projects on a year's list, with their latest reported cumulative investment.
import "server-only";
import { Prisma, type ProjectStatus, type ReportStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { monthFigureCtes, yearMonths } from "@/server/reports/counted-revision";
import { dec, percent } from "@/lib/money";
import { evaluateWarning, type MonthPoint, type Warning } from "@/lib/warnings";
import { warningConfig } from "@/lib/warning-config";
import { overdueSql } from "@/server/issues/overdue";

export type ProjectRow = {
  id: number;
  code: string;
  name: string;
  parkId: number;
  parkName: string;
  industry: string | null;
  totalInvestment: string;
  actualStartMonth: string | null;
  actualProductionMonth: string | null;
  status: ProjectStatus;
  isDemo: boolean;
  /** latest month with an approved or submitted figure, and that figure */
  reportedMonth: string | null;
  reportedStatus: ReportStatus | null;
  completedInvestment: string | null;
};

// ---------------------------------------------------------------------------------------------
// The project list of a year with filters, sorting and each project's 三色预警.

export const PROJECT_SORT_KEYS = ["list", "total", "annual", "completed", "rate"] as const;
export type ProjectSortKey = (typeof PROJECT_SORT_KEYS)[number];

const SORT_SQL: Record<ProjectSortKey, Prisma.Sql> = {
  list: Prisma.sql`m."entryOrder"`,
  total: Prisma.sql`m."totalInvestment"`,
  annual: Prisma.sql`m."annualPlannedInvestment"`,
  completed: Prisma.sql`lr."cumulativeInvestment"`,
  rate: Prisma.sql`(lr."cumulativeInvestment" / NULLIF(m."totalInvestment", 0))`,
};

export type YearProjectQuery = {
  year: number;
  /** business date "YYYY-MM-DD" (Asia/Shanghai): an issue is overdue after its due date */
  today: string;
  parkId?: number;
  projectId?: number;
  status?: ProjectStatus;
  industry?: string;
  /** searched in name, code and enterprise */
  q?: string;
  sort?: ProjectSortKey;
  dir?: "asc" | "desc";
};

export type YearProjectItem = ProjectRow & {
  enterprise: string | null;
  responsibleLeader: string | null;
  annualPlannedInvestment: string | null;
  reportedDemo: boolean;
  /** latest cumulative / total investment, percent with one decimal ("45.5%"), or null */
  completionRate: string | null;
  overdueIssues: number;
  history: MonthPoint[];
  warning: Warning;
};

export type YearProjects = {
  /** the month warnings are as of: the plan's latest reported month (or this month, capped to the year) */
  referenceMonth: string;
  /** true when referenceMonth comes from reports */
  referenceFromReports: boolean;
  items: YearProjectItem[];
};

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The projects of `year`'s list matching the filters, sorted in the database, each with its
 * monthly history within the year and its warning. One query, whatever the number of
 * projects and months. The warning colour itself is derived in src/lib/warnings.ts.
 */
export async function listYearProjects(prisma: Db, query: YearProjectQuery): Promise<YearProjects> {
  const { first, last } = yearMonths(query.year);
  const where: Prisma.Sql[] = [Prisma.sql`true`];
  if (query.parkId !== undefined) where.push(Prisma.sql`m."parkId" = ${query.parkId}`);
  if (query.projectId !== undefined) where.push(Prisma.sql`m.id = ${query.projectId}`);
  if (query.status) where.push(Prisma.sql`m.status = ${query.status}::"ProjectStatus"`);
  if (query.industry) where.push(Prisma.sql`m.industry = ${query.industry}`);
  if (query.q && query.q.trim()) {
    const like = likePattern(query.q.trim());
    where.push(Prisma.sql`(m.name ILIKE ${like} OR m.code ILIKE ${like} OR coalesce(m.enterprise, '') ILIKE ${like})`);
  }
  const sort = SORT_SQL[query.sort ?? "list"];
  const dir = Prisma.raw(query.dir === "desc" ? "DESC NULLS LAST" : "ASC NULLS LAST");

  const rows = await prisma.$queryRaw<
    Array<{
      id: number;
      code: string;
      name: string;
      parkId: number;
      parkName: string;
      industry: string | null;
      enterprise: string | null;
      responsibleLeader: string | null;
      totalInvestment: Prisma.Decimal;
      annualPlannedInvestment: Prisma.Decimal | null;
      actualStartMonth: string | null;
      actualProductionMonth: string | null;
      status: ProjectStatus;
      isDemo: boolean;
      reportedMonth: string | null;
      reportedStatus: ReportStatus | null;
      completedInvestment: Prisma.Decimal | null;
      reportedDemo: boolean | null;
      referenceMonth: string | null;
      startDeadline: Date;
      history: MonthPoint[];
      overdueIssues: number;
    }>
  >(Prisma.sql`
    WITH plan AS (
      SELECT id, "startDeadline" FROM "AnnualPlan" WHERE year = ${query.year}
    ), members AS (
      SELECT p.*, e."annualPlannedInvestment", e."sortOrder" AS "entryOrder", pk.name AS "parkName", plan."startDeadline"
        FROM plan
        JOIN "AnnualPlanEntry" e ON e."planId" = plan.id
        JOIN "Project" p ON p.id = e."projectId"
        JOIN "Park" pk ON pk.id = p."parkId"
    ), ${monthFigureCtes(first, last)}, ref AS (
      SELECT max(month) AS month FROM figs
    )
    SELECT m.id, m.code, m.name, m."parkId", m."parkName", m.industry, m.enterprise, m."responsibleLeader",
           m."totalInvestment", m."annualPlannedInvestment", m."actualStartMonth", m."actualProductionMonth",
           m.status, m."isDemo", m."startDeadline",
           lr.month AS "reportedMonth", lr.status AS "reportedStatus",
           lr."cumulativeInvestment" AS "completedInvestment", lr."isDemo" AS "reportedDemo",
           (SELECT month FROM ref) AS "referenceMonth",
           coalesce((
             SELECT json_agg(json_build_object(
                      'month', coalesce(f.month, pl.month),
                      'planned', pl."cumulativePlanned"::text,
                      'plannedDemo', coalesce(pl."isDemo", false),
                      'actual', f."cumulativeInvestment"::text,
                      'actualDemo', coalesce(f."isDemo", false))
                    ORDER BY coalesce(f.month, pl.month))
               FROM (SELECT * FROM figs WHERE figs."projectId" = m.id) f
               FULL JOIN (SELECT * FROM planned WHERE planned."projectId" = m.id) pl ON pl.month = f.month
           ), '[]'::json) AS history,
           (SELECT count(*)::int FROM "Issue" i
             WHERE i."projectId" = m.id AND ${overdueSql(query.today)}) AS "overdueIssues"
      FROM members m
      LEFT JOIN LATERAL (
        SELECT * FROM figs WHERE figs."projectId" = m.id ORDER BY figs.month DESC LIMIT 1
      ) lr ON true
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY ${sort} ${dir}, m."entryOrder", m.code`);

  // "ref" is taken over the whole plan (not the filtered rows), so a filter never changes what "stale" means
  const fromReports = rows.find((r) => r.referenceMonth !== null)?.referenceMonth ?? null;
  const thisMonth = query.today.slice(0, 7);
  const referenceMonth = fromReports ?? (thisMonth < first ? first : thisMonth > last ? last : thisMonth);
  const config = warningConfig();
  return {
    referenceMonth: referenceMonth,
    referenceFromReports: fromReports !== null,
    items: rows.map((row) => {
      // numeric::text keeps the column's scale ("170000.00"): normalise as the other figures are
      const r = {
        ...row,
        history: row.history.map((h) => ({
          ...h,
          planned: h.planned === null ? null : dec(h.planned).toString(),
          actual: h.actual === null ? null : dec(h.actual).toString(),
        })),
      };
      const rate = r.completedInvestment === null ? null : percent(r.completedInvestment, r.totalInvestment);
      return {
        id: r.id,
        code: r.code,
        name: r.name,
        parkId: r.parkId,
        parkName: r.parkName,
        industry: r.industry,
        enterprise: r.enterprise,
        responsibleLeader: r.responsibleLeader,
        totalInvestment: r.totalInvestment.toString(),
        annualPlannedInvestment: r.annualPlannedInvestment?.toString() ?? null,
        actualStartMonth: r.actualStartMonth,
        actualProductionMonth: r.actualProductionMonth,
        status: r.status,
        isDemo: r.isDemo,
        reportedMonth: r.reportedMonth,
        reportedStatus: r.reportedStatus,
        completedInvestment: r.completedInvestment?.toString() ?? null,
        reportedDemo: r.reportedDemo ?? false,
        completionRate: rate,
        overdueIssues: r.overdueIssues,
        history: r.history,
        warning: evaluateWarning(
          {
            startDeadline: r.startDeadline.toISOString().slice(0, 10),
            actualStartMonth: r.actualStartMonth,
            totalInvestment: r.totalInvestment,
            referenceMonth: referenceMonth,
            history: r.history,
            overdueOpenIssues: r.overdueIssues,
          },
          config,
        ),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// One project with everything a leader may read about it.

export async function getProjectDetail(prisma: Db, code: string) {
  return prisma.project.findUnique({
    where: { code },
    include: {
      park: true,
      metrics: { orderBy: { sortOrder: "asc" } },
      milestones: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
      planEntries: { include: { plan: { select: { year: true, title: true, startDeadline: true } } }, orderBy: { plan: { year: "desc" } } },
      monthlyReports: {
        orderBy: { month: "desc" },
        include: {
          revisions: { orderBy: { revisionNo: "desc" }, include: { createdBy: { select: { displayName: true } } } },
          events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { user: { select: { displayName: true } } } },
        },
      },
    },
  });
}
export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProjectDetail>>>;

// ---------------------------------------------------------------------------------------------
// For the admin pages: every project (whatever its lists) and one project to edit.

export async function listAllProjects(prisma: Db) {
  const rows = await prisma.project.findMany({
    orderBy: { code: "asc" },
    include: { park: { select: { name: true } }, planEntries: { select: { plan: { select: { year: true } } } } },
  });
  return rows.map((p) => ({
    code: p.code,
    name: p.name,
    parkName: p.park.name,
    totalInvestment: p.totalInvestment.toString(),
    status: p.status,
    years: p.planEntries.map((e) => e.plan.year).sort(),
  }));
}

export async function getProjectForEdit(prisma: Db, code: string) {
  return prisma.project.findUnique({
    where: { code },
    include: {
      metrics: { orderBy: { sortOrder: "asc" } },
      plannedMonths: { orderBy: { month: "asc" } },
      milestones: { orderBy: { sortOrder: "asc" } },
      planEntries: { include: { plan: { select: { year: true } } } },
      park: { select: { name: true } },
    },
  });
}

/** Projects a user may pick when raising an issue: all (parkId null) or those of one county park. */
export async function listProjectChoices(prisma: Db, parkId: number | null) {
  return prisma.project.findMany({
    where: parkId === null ? {} : { parkId },
    orderBy: { code: "asc" },
    select: { code: true, name: true, parkId: true },
  });
}
