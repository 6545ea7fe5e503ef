// Reads of published figures (ProjectFigure, computed once when a period is published; see
// src/server/figures/publish.ts). Every function aggregates, filters, sorts and pages in SQL
// over one publication's rows through its indexes: the cost of a page does not depend on how
// many months or reports exist, and no function returns more rows than its page. Names, codes
// and the other facts printed beside a figure are the ones stored with it (frozen when published).
import "server-only";
import { Prisma, type ProjectStatus, type WarningLevel } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { PublicationSums } from "@/domain/headline";
import { annualRankingOrderSql } from "@/domain/annual-rate";
import { rate } from "@/lib/progress";
import { decimalText, type Decimal } from "@/lib/money";

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

const TOTAL_COLUMNS = Prisma.sql`
           coalesce(sum(t.projects), 0)::int AS "projectCount",
           coalesce(sum(t."totalInvestment"), 0) AS "totalInvestment",
           coalesce(sum(t."annualPlanned"), 0) AS "annualPlanned",
           coalesce(sum(t."withAnnualPlan"), 0)::int AS "projectsWithAnnualPlan",
           coalesce(sum(t."yearInvestmentOfPlanned"), 0) AS "yearInvestmentOfPlanned",
           coalesce(sum(t."yearInvestment"), 0) AS "yearInvestment",
           coalesce(sum(t.cumulative), 0) AS cumulative,
           coalesce(sum(t.started), 0)::int AS started,
           coalesce(sum(t."startedByDeadline"), 0)::int AS "startedByDeadline",
           coalesce(sum(t."inProduction"), 0)::int AS "inProduction",
           coalesce(sum(t."inProductionByDeadline"), 0)::int AS "inProductionByDeadline",
           coalesce(sum(t.missing), 0)::int AS missing,
           coalesce(sum(t.red), 0)::int AS red,
           coalesce(sum(t.yellow), 0)::int AS yellow,
           coalesce(sum(t.green), 0)::int AS green,
           coalesce(sum(t."demoFigures"), 0)::int AS "demoFigures"`;

type TotalsRow = Omit<PublicationTotals, "month" | "totalInvestment" | "annualPlanned" | "yearInvestmentOfPlanned" | "yearInvestment" | "cumulative"> &
  Record<"totalInvestment" | "annualPlanned" | "yearInvestmentOfPlanned" | "yearInvestment" | "cumulative", Prisma.Decimal>;

function totalsFrom(row: TotalsRow, month: string): PublicationTotals {
  return {
    ...row,
    month,
    totalInvestment: row.totalInvestment.toString(),
    annualPlanned: row.annualPlanned.toString(),
    yearInvestmentOfPlanned: row.yearInvestmentOfPlanned.toString(),
    yearInvestment: row.yearInvestment.toString(),
    cumulative: row.cumulative.toString(),
  };
}

/** The sums of one publication (of one park, with parkId): about one stored row per park. */
export async function getPublicationTotals(prisma: Db, scope: FigureScope & { month: string }): Promise<PublicationTotals> {
  const park = scope.parkId === undefined ? Prisma.empty : Prisma.sql`AND t."parkId" = ${scope.parkId}`;
  const [row] = await prisma.$queryRaw<TotalsRow[]>(Prisma.sql`
    SELECT ${TOTAL_COLUMNS}
      FROM "PublicationParkTotal" t
     WHERE t."publicationId" = ${scope.publicationId} ${park}`);
  return totalsFrom(row, scope.month);
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

/** 同口径完成率 of a month in percent: Σ actual ÷ Σ plan over the projects with a plan for the month; null without. */
export function seriesPlanRate(point: Pick<SeriesPoint, "plannedOfPlanned" | "actualOfPlanned">): Decimal | null {
  return point.plannedOfPlanned === null || point.actualOfPlanned === null ? null : rate(point.actualOfPlanned, point.plannedOfPlanned);
}

/**
 * Cumulative plan vs published actual by month of the year. A month's actual comes from its
 * current publication only, with 未报 projects carried forward, so it never falls because a
 * project did not report; an unpublished month has no actual. The plan line is the one stored
 * with the newest publication of the year (`planPublicationId`). Reads the stored park sums:
 * two small queries, whatever the number of projects.
 */
export async function getMonthlySeries(prisma: Db, year: number, planPublicationId: number | null, parkId?: number): Promise<SeriesPoint[]> {
  const park = parkId === undefined ? Prisma.empty : Prisma.sql`AND t."parkId" = ${parkId}`;
  const [actual, planned] = await Promise.all([
    prisma.$queryRaw<
      Array<{
        month: string;
        actual: Prisma.Decimal;
        publishedProjects: number;
        missing: number;
        plannedOfPlanned: Prisma.Decimal | null;
        actualOfPlanned: Prisma.Decimal | null;
        demo: boolean;
      }>
    >(Prisma.sql`
      SELECT rp.month, sum(t.cumulative) AS actual, sum(t.projects)::int AS "publishedProjects", sum(t.missing)::int AS missing,
             sum(t."plannedAtMonth") AS "plannedOfPlanned", sum(t."actualOfPlanned") AS "actualOfPlanned",
             sum(t."demoFigures") > 0 AS demo
        FROM "ReportingPeriod" rp
        JOIN "PublicationParkTotal" t ON t."publicationId" = rp."currentPublicationId"
       WHERE rp.month BETWEEN ${`${year}-01`} AND ${`${year}-12`} ${park}
       GROUP BY rp.month`),
    planPublicationId === null
      ? Promise.resolve([])
      : prisma.$queryRaw<Array<{ m: number; planned: Prisma.Decimal | null; plannedProjects: number }>>(Prisma.sql`
      SELECT x.m::int AS m, sum(x.planned) AS planned, sum(x.n)::int AS "plannedProjects"
        FROM "PublicationParkTotal" t
        CROSS JOIN LATERAL unnest(t."plannedByMonth", t."plannedProjectsByMonth") WITH ORDINALITY AS x(planned, n, m)
       WHERE t."publicationId" = ${planPublicationId} ${park}
       GROUP BY x.m`),
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
      actual: a.actual.toString(),
      publishedProjects: a.publishedProjects,
      missing: a.missing,
      plannedOfPlanned: a.plannedOfPlanned?.toString() ?? null,
      actualOfPlanned: a.actualOfPlanned?.toString() ?? null,
      demo: a.demo,
    });
  }
  for (const p of planned) {
    if (p.plannedProjects > 0) Object.assign(point(`${year}-${String(p.m).padStart(2, "0")}`), { planned: p.planned!.toString(), plannedProjects: p.plannedProjects });
  }
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

/** One publication by county park or by industry: its stored sums (PublicationParkTotal, PublicationIndustryTotal). */
export async function getFigureBreakdown(prisma: Db, publicationId: number, by: "park" | "industry"): Promise<FigureBreakdownRow[]> {
  if (by === "park") return getParkBreakdown(prisma, publicationId);
  const rows = await prisma.$queryRaw<BreakdownRaw[]>(Prisma.sql`
    SELECT t.industry AS key, CASE WHEN t.industry = '' THEN '未分类' ELSE t.industry END AS label, t.projects AS "projectCount",
           t."totalInvestment", t."annualPlanned", t."withAnnualPlan" AS "projectsWithAnnualPlan",
           t."yearInvestmentOfPlanned", t."yearInvestment", t.cumulative, t.missing, t.red, t.yellow, t."demoFigures" > 0 AS demo
      FROM "PublicationIndustryTotal" t
     WHERE t."publicationId" = ${publicationId}
     ORDER BY t."totalInvestment" DESC, 2`);
  return rows.map(breakdownRow);
}

/** The industries of one publication's figures, for the project list's 产业 filter (its stored sums: one row each). */
export async function listPublicationIndustries(prisma: Db, publicationId: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ industry: string }>>(Prisma.sql`
    SELECT industry FROM "PublicationIndustryTotal" WHERE "publicationId" = ${publicationId} AND industry <> '' ORDER BY industry`);
  return rows.map((r) => r.industry);
}

type BreakdownRaw = Omit<FigureBreakdownRow, "totalInvestment" | "annualPlanned" | "yearInvestmentOfPlanned" | "yearInvestment" | "cumulative"> &
  Record<"totalInvestment" | "annualPlanned" | "yearInvestmentOfPlanned" | "yearInvestment" | "cumulative", Prisma.Decimal>;

async function getParkBreakdown(prisma: Db, publicationId: number): Promise<FigureBreakdownRow[]> {
  const rows = await prisma.$queryRaw<BreakdownRaw[]>(Prisma.sql`
    SELECT t."parkId"::text AS key, t."parkName" AS label, t.projects AS "projectCount", t."totalInvestment", t."annualPlanned",
           t."withAnnualPlan" AS "projectsWithAnnualPlan", t."yearInvestmentOfPlanned", t."yearInvestment", t.cumulative,
           t.missing, t.red, t.yellow, t."demoFigures" > 0 AS demo
      FROM "PublicationParkTotal" t
     WHERE t."publicationId" = ${publicationId}
     ORDER BY t."parkSortOrder", t."parkName"`);
  return rows.map(breakdownRow);
}

function breakdownRow(r: BreakdownRaw): FigureBreakdownRow {
  return {
    ...r,
    totalInvestment: r.totalInvestment.toString(),
    annualPlanned: r.annualPlanned.toString(),
    yearInvestmentOfPlanned: r.yearInvestmentOfPlanned.toString(),
    yearInvestment: r.yearInvestment.toString(),
    cumulative: r.cumulative.toString(),
  };
}

export const FIGURE_SORTS = ["list", "total", "annual", "year", "completed", "rate", "totalRate", "lag", "warning"] as const;
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
  /** red first, then yellow, then green (the enum's order); most behind first within a colour (below) */
  warning: Prisma.sql`f."warningLevel"`,
};

export type FigureQuery = FigureScope & {
  status?: ProjectStatus;
  industry?: string;
  /** red / yellow / green, "stale" for 未报, "attention" for red or yellow */
  warning?: "red" | "yellow" | "green" | "stale" | "attention";
  q?: string;
  sort?: FigureSort;
  dir?: "asc" | "desc";
  page: number;
  size: number;
  /**
   * the number of rows the filter matches when the caller already has it from the publication's
   * stored sums (the overview: red + yellow, or every project), saving the count over its figures
   */
  total?: number;
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

/** The Decimal fields of a figure row, as $queryRaw returns them (FigureRow has them as text). */
type FigureDecimalField =
  | "totalInvestment"
  | "annualPlanned"
  | "cumulative"
  | "monthInvestment"
  | "priorYearCumulative"
  | "yearInvestment"
  | "plannedCumulative"
  | "annualRate"
  | "totalRate"
  | "lagPoints";
type FigureRaw = Omit<FigureRow, FigureDecimalField> & Record<FigureDecimalField, Prisma.Decimal | null>;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A page of one publication's project figures, filtered and sorted in SQL, with the total count. */
export async function listFigures(prisma: Db, query: FigureQuery): Promise<{ total: number; rows: FigureRow[] }> {
  const where: Prisma.Sql[] = [scopeSql(query)];
  if (query.status) where.push(Prisma.sql`f."projectStatus" = ${query.status}::"ProjectStatus"`);
  if (query.industry) where.push(Prisma.sql`f.industry = ${query.industry}`);
  if (query.warning === "stale") where.push(Prisma.sql`f.missing`);
  else if (query.warning === "attention") where.push(Prisma.sql`f."warningLevel" <> 'GREEN'`);
  else if (query.warning) where.push(Prisma.sql`f."warningLevel" = ${query.warning.toUpperCase()}::"WarningLevel"`);
  if (query.q && query.q.trim()) {
    const like = likePattern(query.q.trim());
    where.push(Prisma.sql`(f.name ILIKE ${like} OR f.code ILIKE ${like} OR coalesce(f.enterprise, '') ILIKE ${like})`);
  }
  const sort = SORT_SQL[query.sort ?? "list"];
  const dir = Prisma.raw(query.dir === "desc" ? "DESC NULLS LAST" : "ASC NULLS LAST");
  const filter = Prisma.join(where, " AND ");
  const [count, rows] = await Promise.all([
    query.total !== undefined
      ? [{ n: query.total }]
      : prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`
      SELECT count(*)::int AS n FROM "ProjectFigure" f WHERE ${filter}`),
    prisma.$queryRaw<FigureRaw[]>(Prisma.sql`
      SELECT f."projectId", f.code, f.name, f."parkId", t."parkName", f.enterprise, f.industry, f."projectStatus" AS status,
             f."responsibleLeader", f."totalInvestment", f."annualPlanned", f."figureMonth", f.missing, f.cumulative,
             f."monthInvestment", f."priorYearCumulative", f."yearInvestment", f."plannedCumulative", f."annualRate",
             f."totalRate", f."lagPoints", f."actualStartMonth", f."actualProductionMonth", f."warningLevel",
             f."warningReasons", f."isDemo"
        FROM "ProjectFigure" f
        JOIN "PublicationParkTotal" t ON t."publicationId" = f."publicationId" AND t."parkId" = f."parkId"
       WHERE ${filter}
       ORDER BY ${sort} ${dir}, ${query.sort === "warning" ? Prisma.sql`f."lagPoints" DESC NULLS LAST,` : Prisma.empty} f."listOrder", f.code
       LIMIT ${query.size} OFFSET ${(Math.max(1, query.page) - 1) * query.size}`),
  ]);
  return {
    total: count[0]?.n ?? 0,
    rows: rows.map((r) => ({
      ...r,
      totalInvestment: r.totalInvestment!.toString(),
      annualPlanned: decimalText(r.annualPlanned),
      cumulative: decimalText(r.cumulative),
      monthInvestment: decimalText(r.monthInvestment),
      priorYearCumulative: r.priorYearCumulative!.toString(),
      yearInvestment: r.yearInvestment!.toString(),
      plannedCumulative: decimalText(r.plannedCumulative),
      annualRate: decimalText(r.annualRate),
      totalRate: decimalText(r.totalRate),
      lagPoints: decimalText(r.lagPoints),
    })),
  };
}

/** The figures of one project across the publications leaders read (one per published month of the year). */
export async function getProjectFigureHistory(prisma: Db, projectId: number, year: number) {
  return prisma.$queryRaw<
    Array<{ month: string; cumulative: Prisma.Decimal | null; missing: boolean; figureMonth: string | null; warningLevel: WarningLevel; plannedCumulative: Prisma.Decimal | null }>
  >(Prisma.sql`
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
           coalesce(sum(t.projects), 0)::int AS "projectCount",
           coalesce(sum(t."yearInvestment"), 0) AS "yearInvestment",
           coalesce(sum(t.cumulative), 0) AS cumulative,
           coalesce(sum(t.missing), 0)::int AS missing,
           coalesce(sum(t.red), 0)::int AS red,
           coalesce(sum(t.yellow), 0)::int AS yellow
      FROM "ReportingPeriod" rp
      JOIN "PeriodPublication" pub ON pub."periodId" = rp.id
      LEFT JOIN "User" u ON u.id = pub."publishedById"
      LEFT JOIN "PublicationParkTotal" t ON t."publicationId" = pub.id
     WHERE rp.month = ${month}
     GROUP BY pub.id, u."displayName", rp."currentPublicationId"
     ORDER BY pub."publicationNo" DESC`);
  return rows.map((r) => ({ ...r, yearInvestment: r.yearInvestment.toString(), cumulative: r.cumulative.toString() }));
}

// ---------------------------------------------------------------------------------------------
// Park ranking (通报 table), paged in SQL: the county parks of one publication, lowest
// 年度投资完成率 (like for like: Σ 本年完成 of the projects with an annual plan ÷ Σ their plan)
// first; parks without any annual plan figure last. Reads the stored park sums.

export type ParkRankingRow = FigureBreakdownRow & { parkId: number; green: number };

export async function listParkRanking(prisma: Db, publicationId: number, options: { page: number; size: number }): Promise<{ total: number; rows: ParkRankingRow[] }> {
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`
      SELECT count(*)::int AS n FROM "PublicationParkTotal" t WHERE t."publicationId" = ${publicationId}`),
    prisma.$queryRaw<Array<BreakdownRaw & { parkId: number; green: number }>>(Prisma.sql`
      SELECT t."parkId"::text AS key, t."parkId", t."parkName" AS label, t.projects AS "projectCount", t."totalInvestment", t."annualPlanned",
             t."withAnnualPlan" AS "projectsWithAnnualPlan", t."yearInvestmentOfPlanned", t."yearInvestment", t.cumulative,
             t.missing, t.red, t.yellow, t.green, t."demoFigures" > 0 AS demo
        FROM "PublicationParkTotal" t
       WHERE t."publicationId" = ${publicationId}
       ORDER BY ${annualRankingOrderSql(Prisma.sql`t."yearInvestmentOfPlanned"`, Prisma.sql`t."annualPlanned"`)}, t."parkSortOrder", t."parkName"
       LIMIT ${options.size} OFFSET ${(Math.max(1, options.page) - 1) * options.size}`),
  ]);
  return { total: count[0]?.n ?? 0, rows: rows.map((r) => ({ ...breakdownRow(r), parkId: r.parkId, green: r.green })) };
}

/** One project's row of ProjectFigure in one publication, its `columns` read from `f`; null when the project is not on that publication. */
export async function projectFigureRow<T>(prisma: Db, publicationId: number, projectId: number, columns: Prisma.Sql): Promise<T | null> {
  const rows = await prisma.$queryRaw<T[]>(Prisma.sql`
    SELECT ${columns}
      FROM "ProjectFigure" f
     WHERE f."publicationId" = ${publicationId} AND f."projectId" = ${projectId}`);
  return rows[0] ?? null;
}

/** One project's figure in one publication (the project page's warning and 累计完成), or null when it is not on that publication. */
export async function getProjectFigure(prisma: Db, publicationId: number, projectId: number) {
  const r = await projectFigureRow<{
    month: string;
    figureMonth: string | null;
    missing: boolean;
    cumulative: Prisma.Decimal | null;
    yearInvestment: Prisma.Decimal;
    annualPlanned: Prisma.Decimal | null;
    annualRate: Prisma.Decimal | null;
    totalRate: Prisma.Decimal | null;
    lagPoints: Prisma.Decimal | null;
    warningLevel: WarningLevel;
    warningReasons: string[];
    isDemo: boolean;
  }>(
    prisma,
    publicationId,
    projectId,
    Prisma.sql`f.month, f."figureMonth", f.missing, f.cumulative, f."yearInvestment", f."annualPlanned", f."annualRate", f."totalRate",
           f."lagPoints", f."warningLevel", f."warningReasons", f."isDemo"`,
  );
  if (!r) return null;
  return {
    ...r,
    cumulative: decimalText(r.cumulative),
    yearInvestment: r.yearInvestment.toString(),
    annualPlanned: decimalText(r.annualPlanned),
    annualRate: decimalText(r.annualRate),
    totalRate: decimalText(r.totalRate),
    lagPoints: decimalText(r.lagPoints),
  };
}
