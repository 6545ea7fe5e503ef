// Reads of published figures (ProjectFigure, computed once when a period is published; see
// src/server/periods/publish.ts). Every function aggregates, filters, sorts and pages in SQL
// over one publication's rows through its indexes: the cost of a page does not depend on how
// many months or reports exist, and no function returns more rows than its page.
import "server-only";
import { Prisma, type ProjectStatus, type WarningLevel } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { PublicationSums } from "@/lib/headline";

export type FigureScope = { publicationId: number; parkId?: number };

function scopeSql(scope: FigureScope): Prisma.Sql {
  return scope.parkId === undefined
    ? Prisma.sql`f."publicationId" = ${scope.publicationId}`
    : Prisma.sql`f."publicationId" = ${scope.publicationId} AND f."parkId" = ${scope.parkId}`;
}

export type PublicationTotals = PublicationSums & {
  startedByDeadline: number;
  inProductionByDeadline: number;
  red: number;
  yellow: number;
  green: number;
  demoFigures: number;
};

/** The sums of one publication (of one park, with parkId), in one query. */
export async function getPublicationTotals(
  prisma: Db,
  scope: FigureScope & { month: string; startDeadlineMonth: string; productionDeadlineMonth: string },
): Promise<PublicationTotals> {
  const [row] = await prisma.$queryRaw<
    Array<Omit<PublicationTotals, "month" | "totalInvestment" | "annualPlanned" | "yearInvestmentOfPlanned" | "yearInvestment" | "cumulative"> & {
      totalInvestment: Prisma.Decimal;
      annualPlanned: Prisma.Decimal;
      yearInvestmentOfPlanned: Prisma.Decimal;
      yearInvestment: Prisma.Decimal;
      cumulative: Prisma.Decimal;
    }>
  >(Prisma.sql`
    SELECT count(*)::int AS "projectCount",
           coalesce(sum(f."totalInvestment"), 0) AS "totalInvestment",
           coalesce(sum(f."annualPlanned"), 0) AS "annualPlanned",
           count(f."annualPlanned")::int AS "projectsWithAnnualPlan",
           coalesce(sum(f."yearInvestment") FILTER (WHERE f."annualPlanned" IS NOT NULL), 0) AS "yearInvestmentOfPlanned",
           coalesce(sum(f."yearInvestment"), 0) AS "yearInvestment",
           coalesce(sum(f.cumulative), 0) AS cumulative,
           count(f."actualStartMonth")::int AS started,
           count(*) FILTER (WHERE f."actualStartMonth" <= ${scope.startDeadlineMonth})::int AS "startedByDeadline",
           count(f."actualProductionMonth")::int AS "inProduction",
           count(*) FILTER (WHERE f."actualProductionMonth" <= ${scope.productionDeadlineMonth})::int AS "inProductionByDeadline",
           count(*) FILTER (WHERE f.missing)::int AS missing,
           count(*) FILTER (WHERE f."warningLevel" = 'RED')::int AS red,
           count(*) FILTER (WHERE f."warningLevel" = 'YELLOW')::int AS yellow,
           count(*) FILTER (WHERE f."warningLevel" = 'GREEN')::int AS green,
           count(*) FILTER (WHERE f."isDemo")::int AS "demoFigures"
      FROM "ProjectFigure" f
     WHERE ${scopeSql(scope)}`);
  return {
    ...row,
    month: scope.month,
    totalInvestment: row.totalInvestment.toString(),
    annualPlanned: row.annualPlanned.toString(),
    yearInvestmentOfPlanned: row.yearInvestmentOfPlanned.toString(),
    yearInvestment: row.yearInvestment.toString(),
    cumulative: row.cumulative.toString(),
  };
}

export type SeriesPoint = {
  month: string;
  /** Σ planned cumulative (倒排工期) of the month over the projects that have one, 万元 */
  planned: string | null;
  plannedProjects: number;
  /** from the month's current publication: Σ cumulative (carried forward for 未报), 万元 */
  actual: string | null;
  /** the projects of that publication, and how many were 未报 */
  publishedProjects: number;
  missing: number;
  /** Σ planned of the projects that have a plan for the month, and Σ their actual: like for like */
  plannedOfPlanned: string | null;
  actualOfPlanned: string | null;
  demo: boolean;
};

/**
 * Cumulative plan vs published actual by month of the year. A month's actual comes from its
 * current publication only, with 未报 projects carried forward, so it never falls because a
 * project did not report; an unpublished month has no actual. Two grouped queries.
 */
export async function getMonthlySeries(prisma: Db, year: number, parkId?: number): Promise<SeriesPoint[]> {
  const first = `${year}-01`;
  const last = `${year}-12`;
  const park = parkId === undefined ? Prisma.empty : Prisma.sql`AND f."parkId" = ${parkId}`;
  const [actual, planned] = await Promise.all([
    prisma.$queryRaw<
      Array<{ month: string; actual: Prisma.Decimal | null; publishedProjects: number; missing: number; plannedOfPlanned: Prisma.Decimal | null; actualOfPlanned: Prisma.Decimal | null; demo: boolean }>
    >(Prisma.sql`
      SELECT rp.month, sum(f.cumulative) AS actual, count(f."projectId")::int AS "publishedProjects",
             count(*) FILTER (WHERE f.missing)::int AS missing,
             sum(f."plannedCumulative") AS "plannedOfPlanned",
             sum(f.cumulative) FILTER (WHERE f."plannedCumulative" IS NOT NULL) AS "actualOfPlanned",
             coalesce(bool_or(f."isDemo"), false) AS demo
        FROM "ReportingPeriod" rp
        JOIN "ProjectFigure" f ON f."publicationId" = rp."currentPublicationId"
       WHERE rp.month BETWEEN ${first} AND ${last} ${park}
       GROUP BY rp.month`),
    prisma.$queryRaw<Array<{ month: string; planned: Prisma.Decimal; plannedProjects: number }>>(Prisma.sql`
      SELECT pi.month, sum(pi."cumulativePlanned") AS planned, count(*)::int AS "plannedProjects"
        FROM "AnnualPlan" ap
        JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
        ${parkId === undefined ? Prisma.empty : Prisma.sql`JOIN "Project" p ON p.id = e."projectId" AND p."parkId" = ${parkId}`}
        JOIN "PlannedInvestment" pi ON pi."projectId" = e."projectId" AND pi.month BETWEEN ${first} AND ${last}
       WHERE ap.year = ${year}
       GROUP BY pi.month`),
  ]);
  const months = new Map<string, SeriesPoint>();
  const point = (month: string) => {
    let p = months.get(month);
    if (!p) {
      p = { month, planned: null, plannedProjects: 0, actual: null, publishedProjects: 0, missing: 0, plannedOfPlanned: null, actualOfPlanned: null, demo: false };
      months.set(month, p);
    }
    return p;
  };
  for (const a of actual) {
    Object.assign(point(a.month), {
      actual: a.actual?.toString() ?? null,
      publishedProjects: a.publishedProjects,
      missing: a.missing,
      plannedOfPlanned: a.plannedOfPlanned?.toString() ?? null,
      actualOfPlanned: a.actualOfPlanned?.toString() ?? null,
      demo: a.demo,
    });
  }
  for (const p of planned) Object.assign(point(p.month), { planned: p.planned.toString(), plannedProjects: p.plannedProjects });
  return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}

export type FigureBreakdownRow = {
  key: string;
  label: string;
  projectCount: number;
  totalInvestment: string;
  annualPlanned: string;
  projectsWithAnnualPlan: number;
  /** Σ 本年完成 over the projects with an annual plan (like for like with annualPlanned) */
  yearInvestmentOfPlanned: string;
  yearInvestment: string;
  cumulative: string;
  missing: number;
  red: number;
  yellow: number;
  demo: boolean;
};

/** One publication by county park or by industry. */
export async function getFigureBreakdown(prisma: Db, publicationId: number, by: "park" | "industry"): Promise<FigureBreakdownRow[]> {
  const group =
    by === "park"
      ? { key: Prisma.sql`pk.id::text`, label: Prisma.sql`pk.name`, join: Prisma.sql`JOIN "Park" pk ON pk.id = f."parkId"`, order: Prisma.sql`min(pk."sortOrder"), 2` }
      : { key: Prisma.sql`coalesce(f.industry, '')`, label: Prisma.sql`coalesce(f.industry, '未分类')`, join: Prisma.empty, order: Prisma.sql`sum(f."totalInvestment") DESC, 2` };
  const rows = await prisma.$queryRaw<
    Array<Omit<FigureBreakdownRow, "totalInvestment" | "annualPlanned" | "yearInvestmentOfPlanned" | "yearInvestment" | "cumulative"> & {
      totalInvestment: Prisma.Decimal;
      annualPlanned: Prisma.Decimal;
      yearInvestmentOfPlanned: Prisma.Decimal;
      yearInvestment: Prisma.Decimal;
      cumulative: Prisma.Decimal;
    }>
  >(Prisma.sql`
    SELECT ${group.key} AS key, ${group.label} AS label, count(*)::int AS "projectCount",
           sum(f."totalInvestment") AS "totalInvestment",
           coalesce(sum(f."annualPlanned"), 0) AS "annualPlanned",
           count(f."annualPlanned")::int AS "projectsWithAnnualPlan",
           coalesce(sum(f."yearInvestment") FILTER (WHERE f."annualPlanned" IS NOT NULL), 0) AS "yearInvestmentOfPlanned",
           sum(f."yearInvestment") AS "yearInvestment",
           coalesce(sum(f.cumulative), 0) AS cumulative,
           count(*) FILTER (WHERE f.missing)::int AS missing,
           count(*) FILTER (WHERE f."warningLevel" = 'RED')::int AS red,
           count(*) FILTER (WHERE f."warningLevel" = 'YELLOW')::int AS yellow,
           coalesce(bool_or(f."isDemo"), false) AS demo
      FROM "ProjectFigure" f
      ${group.join}
     WHERE f."publicationId" = ${publicationId}
     GROUP BY 1, 2
     ORDER BY ${group.order}`);
  return rows.map((r) => ({
    ...r,
    totalInvestment: r.totalInvestment.toString(),
    annualPlanned: r.annualPlanned.toString(),
    yearInvestmentOfPlanned: r.yearInvestmentOfPlanned.toString(),
    yearInvestment: r.yearInvestment.toString(),
    cumulative: r.cumulative.toString(),
  }));
}

export const FIGURE_SORTS = ["list", "total", "annual", "year", "completed", "rate", "totalRate", "lag"] as const;
export type FigureSort = (typeof FIGURE_SORTS)[number];

const SORT_SQL: Record<FigureSort, Prisma.Sql> = {
  list: Prisma.sql`f."listOrder"`,
  total: Prisma.sql`f."totalInvestment"`,
  annual: Prisma.sql`f."annualPlanned"`,
  year: Prisma.sql`f."yearInvestment"`,
  completed: Prisma.sql`f.cumulative`,
  rate: Prisma.sql`f."annualRate"`,
  totalRate: Prisma.sql`f."totalRate"`,
  lag: Prisma.sql`f."lagPoints"`,
};

export type FigureQuery = FigureScope & {
  status?: ProjectStatus;
  industry?: string;
  /** red / yellow / green, or "stale" for 未报 */
  warning?: "red" | "yellow" | "green" | "stale";
  q?: string;
  sort?: FigureSort;
  dir?: "asc" | "desc";
  page: number;
  size: number;
};

export type FigureRow = {
  projectId: number;
  code: string;
  name: string;
  parkId: number;
  parkName: string;
  enterprise: string | null;
  industry: string | null;
  status: ProjectStatus;
  responsibleLeader: string | null;
  totalInvestment: string;
  annualPlanned: string | null;
  figureMonth: string | null;
  missing: boolean;
  cumulative: string | null;
  monthInvestment: string | null;
  priorYearCumulative: string;
  yearInvestment: string;
  plannedCumulative: string | null;
  annualRate: string | null;
  totalRate: string | null;
  lagPoints: string | null;
  actualStartMonth: string | null;
  actualProductionMonth: string | null;
  warningLevel: WarningLevel;
  warningReasons: string[];
  isDemo: boolean;
};

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A page of one publication's project figures, filtered and sorted in SQL, with the total count. */
export async function listFigures(prisma: Db, query: FigureQuery): Promise<{ total: number; rows: FigureRow[] }> {
  const where: Prisma.Sql[] = [scopeSql(query)];
  if (query.status) where.push(Prisma.sql`p.status = ${query.status}::"ProjectStatus"`);
  if (query.industry) where.push(Prisma.sql`f.industry = ${query.industry}`);
  if (query.warning === "stale") where.push(Prisma.sql`f.missing`);
  else if (query.warning) where.push(Prisma.sql`f."warningLevel" = ${query.warning.toUpperCase()}::"WarningLevel"`);
  if (query.q && query.q.trim()) {
    const like = likePattern(query.q.trim());
    where.push(Prisma.sql`(p.name ILIKE ${like} OR p.code ILIKE ${like} OR coalesce(p.enterprise, '') ILIKE ${like})`);
  }
  const sort = SORT_SQL[query.sort ?? "list"];
  const dir = Prisma.raw(query.dir === "desc" ? "DESC NULLS LAST" : "ASC NULLS LAST");
  const filter = Prisma.join(where, " AND ");
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`
      SELECT count(*)::int AS n FROM "ProjectFigure" f JOIN "Project" p ON p.id = f."projectId" WHERE ${filter}`),
    prisma.$queryRaw<
      Array<Omit<FigureRow, "totalInvestment" | "annualPlanned" | "cumulative" | "monthInvestment" | "priorYearCumulative" | "yearInvestment" | "plannedCumulative" | "annualRate" | "totalRate" | "lagPoints"> & Record<
        "totalInvestment" | "annualPlanned" | "cumulative" | "monthInvestment" | "priorYearCumulative" | "yearInvestment" | "plannedCumulative" | "annualRate" | "totalRate" | "lagPoints",
        Prisma.Decimal | null
      >>
    >(Prisma.sql`
      SELECT f."projectId", p.code, p.name, f."parkId", pk.name AS "parkName", p.enterprise, f.industry, p.status,
             p."responsibleLeader", f."totalInvestment", f."annualPlanned", f."figureMonth", f.missing, f.cumulative,
             f."monthInvestment", f."priorYearCumulative", f."yearInvestment", f."plannedCumulative", f."annualRate",
             f."totalRate", f."lagPoints", f."actualStartMonth", f."actualProductionMonth", f."warningLevel",
             f."warningReasons", f."isDemo"
        FROM "ProjectFigure" f
        JOIN "Project" p ON p.id = f."projectId"
        JOIN "Park" pk ON pk.id = f."parkId"
       WHERE ${filter}
       ORDER BY ${sort} ${dir}, f."listOrder", p.code
       LIMIT ${query.size} OFFSET ${(Math.max(1, query.page) - 1) * query.size}`),
  ]);
  const text = (d: Prisma.Decimal | null) => (d === null ? null : d.toString());
  return {
    total: count[0]?.n ?? 0,
    rows: rows.map((r) => ({
      ...r,
      totalInvestment: r.totalInvestment!.toString(),
      annualPlanned: text(r.annualPlanned),
      cumulative: text(r.cumulative),
      monthInvestment: text(r.monthInvestment),
      priorYearCumulative: r.priorYearCumulative!.toString(),
      yearInvestment: r.yearInvestment!.toString(),
      plannedCumulative: text(r.plannedCumulative),
      annualRate: text(r.annualRate),
      totalRate: text(r.totalRate),
      lagPoints: text(r.lagPoints),
    })),
  };
}

/** The figures of one project across the publications leaders read (one per published month of the year). */
export async function getProjectFigureHistory(prisma: Db, projectId: number, year: number) {
  return prisma.$queryRaw<Array<{ month: string; cumulative: Prisma.Decimal | null; missing: boolean; figureMonth: string | null; warningLevel: WarningLevel; plannedCumulative: Prisma.Decimal | null }>>(Prisma.sql`
    SELECT f.month, f.cumulative, f.missing, f."figureMonth", f."warningLevel", f."plannedCumulative"
      FROM "ReportingPeriod" rp
      JOIN "ProjectFigure" f ON f."publicationId" = rp."currentPublicationId" AND f."projectId" = ${projectId}
     WHERE rp.month BETWEEN ${`${year}-01`} AND ${`${year}-12`}
     ORDER BY f.month`);
}

export type PublicationSummary = {
  publicationNo: number;
  publishedAt: Date;
  publishedBy: string | null;
  reopenReason: string | null;
  current: boolean;
  projectCount: number;
  yearInvestment: string;
  cumulative: string;
  missing: number;
  red: number;
  yellow: number;
};

/** Every publication of a month with its main sums, newest first: earlier ones stay readable. One query. */
export async function listPublicationSummaries(prisma: Db, month: string): Promise<PublicationSummary[]> {
  const rows = await prisma.$queryRaw<Array<Omit<PublicationSummary, "yearInvestment" | "cumulative"> & { yearInvestment: Prisma.Decimal; cumulative: Prisma.Decimal }>>(Prisma.sql`
    SELECT pub."publicationNo", pub."publishedAt", u."displayName" AS "publishedBy", pub."reopenReason",
           (pub.id = rp."currentPublicationId") AS current,
           count(f."projectId")::int AS "projectCount",
           coalesce(sum(f."yearInvestment"), 0) AS "yearInvestment",
           coalesce(sum(f.cumulative), 0) AS cumulative,
           count(*) FILTER (WHERE f.missing)::int AS missing,
           count(*) FILTER (WHERE f."warningLevel" = 'RED')::int AS red,
           count(*) FILTER (WHERE f."warningLevel" = 'YELLOW')::int AS yellow
      FROM "ReportingPeriod" rp
      JOIN "PeriodPublication" pub ON pub."periodId" = rp.id
      LEFT JOIN "User" u ON u.id = pub."publishedById"
      LEFT JOIN "ProjectFigure" f ON f."publicationId" = pub.id
     WHERE rp.month = ${month}
     GROUP BY pub.id, u."displayName", rp."currentPublicationId"
     ORDER BY pub."publicationNo" DESC`);
  return rows.map((r) => ({ ...r, yearInvestment: r.yearInvestment.toString(), cumulative: r.cumulative.toString() }));
}
