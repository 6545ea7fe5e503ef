// Reads of the generated documents (the monthly 通报 and the annual 情况报告). Every figure comes
// from one publication (ProjectFigure / PublicationParkTotal, src/server/figures) — never from live
// reports — and each list is bounded (LIMIT, with its full count), so a document costs the same
// at 50 projects or 5,000. Issues are counted as of the publication's date with the one overdue
// rule (src/domain/overdue.ts), using only "closed or not" (status CLOSED and closedDate).
import "server-only";
import { Prisma, type IssueCategory, type WarningLevel } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { overdueSql } from "@/domain/overdue";
import { percent } from "@/lib/money";
import { belowScheduleSql } from "@/domain/schedule-progress";
import { ISSUE_SUBCATEGORIES, subCategoryLabel } from "@/domain/issue-categories";

/** How many rows each of a document's lists shows at most (the count says how many there are). */
export const DOCUMENT_LIST_LIMIT = 50;

export type Bounded<T> = { total: number; rows: T[] };

export type DocumentFigure = {
  code: string;
  name: string;
  parkName: string;
  totalInvestment: string;
  annualPlanned: string | null;
  cumulative: string | null;
  yearInvestment: string;
  annualRate: string | null;
  totalRate: string | null;
  lagPoints: string | null;
  figureMonth: string | null;
  missing: boolean;
  actualStartMonth: string | null;
  warningLevel: WarningLevel;
  warningReasons: string[];
  isDemo: boolean;
  /** the open issues of the project on the publication's date: "土地：征地拆迁未完成" … (at most 3) */
  openIssues: string[];
};

type FigureRaw = Omit<DocumentFigure, "totalInvestment" | "annualPlanned" | "cumulative" | "yearInvestment" | "annualRate" | "totalRate" | "lagPoints" | "openIssues"> & {
  openIssueSubs: string[];
  openIssueTitles: string[];
} & Record<"totalInvestment" | "annualPlanned" | "cumulative" | "yearInvestment" | "annualRate" | "totalRate" | "lagPoints", Prisma.Decimal | null>;

const text = (d: Prisma.Decimal | null) => (d === null ? null : d.toString());

function figureOf({ openIssueSubs, openIssueTitles, ...r }: FigureRaw): DocumentFigure {
  return {
    ...r,
    openIssues: openIssueSubs.map((sub, i) => `${subCategoryLabel(sub)}：${openIssueTitles[i]}`),
    totalInvestment: r.totalInvestment!.toString(),
    annualPlanned: text(r.annualPlanned),
    cumulative: text(r.cumulative),
    yearInvestment: r.yearInvestment!.toString(),
    annualRate: text(r.annualRate),
    totalRate: text(r.totalRate),
    lagPoints: text(r.lagPoints),
  };
}

/**
 * Issues as they stood on `asOf` ("YYYY-MM-DD"): closed only if closed by that day. The overdue
 * rule (overdueSql) reads this row's status, so it judges the issue as of the publication.
 */
function issuesAsOf(asOf: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT x.id, x.year, x."projectId", x."parkId", x.category, x."subCategory", x.title, x.description, x."raisedDate",
           x."dueDate", x."closedDate", x."sortOrder", x."isDemo", x.source,
           CASE WHEN x.status = 'CLOSED' AND (x."closedDate" IS NULL OR x."closedDate" <= ${asOf}::date) THEN 'CLOSED' ELSE 'OPEN' END AS status
      FROM "Issue" x
     WHERE x."raisedDate" IS NULL OR x."raisedDate" <= ${asOf}::date)`;
}

export type FigureListKind = "notStarted" | "behind" | "warning" | "report";

/**
 * One of a publication's project lists, from its stored figures:
 * - notStarted: not started by the month (no actual start month in the figure);
 * - behind: 年度投资完成率 below `month`'s 序时进度 (src/domain/schedule-progress.ts), lowest first;
 * - warning: red and yellow, red first, most behind first;
 * - report: every project in list order (the annual report's paragraphs).
 */
export async function listDocumentFigures(
  prisma: Db,
  options: { publicationId: number; asOf: string; kind: FigureListKind; month?: string; limit?: number },
): Promise<Bounded<DocumentFigure>> {
  const where: Record<FigureListKind, Prisma.Sql> = {
    notStarted: Prisma.sql`f."actualStartMonth" IS NULL`,
    behind: options.month === undefined ? Prisma.sql`false` : belowScheduleSql(Prisma.sql`f."annualRate"`, options.month),
    warning: Prisma.sql`f."warningLevel" <> 'GREEN'`,
    report: Prisma.sql`true`,
  };
  const order: Record<FigureListKind, Prisma.Sql> = {
    notStarted: Prisma.sql`f."listOrder", p.code`,
    behind: Prisma.sql`f."annualRate" ASC, f."listOrder", p.code`,
    warning: Prisma.sql`f."warningLevel", f."lagPoints" DESC NULLS LAST, f."listOrder", p.code`,
    report: Prisma.sql`f."listOrder", p.code`,
  };
  const filter = Prisma.sql`f."publicationId" = ${options.publicationId} AND ${where[options.kind]}`;
  const limit = options.limit ?? DOCUMENT_LIST_LIMIT;
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`SELECT count(*)::int AS n FROM "ProjectFigure" f JOIN "Project" p ON p.id = f."projectId" WHERE ${filter}`),
    prisma.$queryRaw<FigureRaw[]>(Prisma.sql`
      SELECT p.code, p.name, pk.name AS "parkName", f."totalInvestment", f."annualPlanned", f.cumulative, f."yearInvestment",
             f."annualRate", f."totalRate", f."lagPoints", f."figureMonth", f.missing, f."actualStartMonth", f."warningLevel",
             f."warningReasons", f."isDemo",
             coalesce(iss.subs, '{}') AS "openIssueSubs", coalesce(iss.titles, '{}') AS "openIssueTitles"
        FROM "ProjectFigure" f
        JOIN "Project" p ON p.id = f."projectId"
        JOIN "Park" pk ON pk.id = f."parkId"
        LEFT JOIN LATERAL (
          SELECT array_agg(s."subCategory" ORDER BY s."sortOrder", s.id) AS subs, array_agg(s.title ORDER BY s."sortOrder", s.id) AS titles
            FROM (SELECT i.id, i."sortOrder", i."subCategory", i.title
                    FROM ${issuesAsOf(options.asOf)} i
                   WHERE i."projectId" = f."projectId" AND i.status <> 'CLOSED'
                   ORDER BY i."sortOrder", i.id LIMIT 3) s
        ) iss ON true
       WHERE ${filter}
       ORDER BY ${order[options.kind]}
       LIMIT ${limit}`),
  ]);
  return { total: count[0]?.n ?? 0, rows: rows.map(figureOf) };
}

export type MetricRow = { code: string; name: string; value: string; unit: string; qualifier: string | null };

export type ProjectFacts = {
  code: string;
  constructionContent: string;
  expectedOutput: string | null;
  expectedOutputAtLeast: boolean;
  expectedJobs: number | null;
  expectedJobsAtLeast: boolean;
  expectedTax: string | null;
  expectedTaxAtLeast: boolean;
  metrics: Array<Omit<MetricRow, "code">>;
};

/** The stated facts (建设内容, expected benefits, named metrics) of the given projects: two queries. */
export async function getProjectFacts(prisma: Db, codes: string[]): Promise<Map<string, ProjectFacts>> {
  if (codes.length === 0) return new Map();
  const [projects, metrics] = await Promise.all([
    prisma.project.findMany({
      where: { code: { in: codes } },
      select: {
        code: true,
        constructionContent: true,
        expectedOutput: true,
        expectedOutputAtLeast: true,
        expectedJobs: true,
        expectedJobsAtLeast: true,
        expectedTax: true,
        expectedTaxAtLeast: true,
      },
    }),
    prisma.$queryRaw<Array<MetricRow & { value: Prisma.Decimal }>>(Prisma.sql`
      SELECT p.code, m.name, m.value, m.unit, m.qualifier
        FROM "ProjectMetric" m JOIN "Project" p ON p.id = m."projectId"
       WHERE p.code IN (${Prisma.join(codes)})
       ORDER BY p.code, m."sortOrder", m.id`),
  ]);
  const facts = new Map<string, ProjectFacts>();
  for (const p of projects) {
    facts.set(p.code, {
      ...p,
      expectedOutput: p.expectedOutput?.toString() ?? null,
      expectedTax: p.expectedTax?.toString() ?? null,
      metrics: [],
    });
  }
  for (const m of metrics) facts.get(m.code)?.metrics.push({ name: m.name, value: m.value.toString(), unit: m.unit, qualifier: m.qualifier });
  return facts;
}

export type IssueFigures = {
  /** raised and closed within the month */
  monthRaised: number;
  monthClosed: number;
  /** the year's ledger up to the publication's date: raised, closed, still open, overdue */
  yearRaised: number;
  yearClosed: number;
  open: number;
  overdue: number;
  /** 办结率 = closed ÷ raised, "85.7%" (null without issues) */
  closureRate: string | null;
};

/**
 * The year's issues (the ledger's `year`) as of a publication's date `asOf`: raised and closed in
 * the month, and year to date (raised up to `asOf`; an issue with no raised date counts in the
 * year), with the open and overdue ones on that date. One grouped query.
 */
export async function getIssueFigures(prisma: Db, options: { year: number; month: string; asOf: string }): Promise<IssueFigures> {
  const first = `${options.month}-01`;
  const inMonth = (column: string) => Prisma.sql`(i.${Prisma.raw(`"${column}"`)} >= ${first}::date AND i.${Prisma.raw(`"${column}"`)} < (${first}::date + interval '1 month'))`;
  const [r] = await prisma.$queryRaw<Array<Omit<IssueFigures, "open" | "closureRate">>>(Prisma.sql`
    SELECT count(*) FILTER (WHERE ${inMonth("raisedDate")})::int AS "monthRaised",
           count(*) FILTER (WHERE i.status = 'CLOSED' AND ${inMonth("closedDate")})::int AS "monthClosed",
           count(*)::int AS "yearRaised",
           count(*) FILTER (WHERE i.status = 'CLOSED')::int AS "yearClosed",
           count(*) FILTER (WHERE ${overdueSql(options.asOf)})::int AS overdue
      FROM ${issuesAsOf(options.asOf)} i
     WHERE i.year = ${options.year}`);
  return { ...r, open: r.yearRaised - r.yearClosed, closureRate: percent(r.yearClosed, r.yearRaised) };
}

/** How many of the ledger's issues a sub-problem lists at most in the report (the count says how many there are). */
export const ISSUE_ITEMS_LIMIT = 10;

/** One issue of the ledger, listed under its sub-problem as a numbered item. */
export type IssueItem = { title: string; closed: boolean; overdue: boolean; isDemo: boolean };

/**
 * 二、存在的主要问题, one sub-problem: the seed report's stored text for it (the issues loaded from the
 * report: "Issue".source set, not demo data — the demo's issues name 演示数据 as their source), printed unchanged; then the ledger's other issues of the
 * sub-category, counted and listed by title.
 */
export type IssueGroup = {
  category: IssueCategory;
  /** the sub-category code (src/domain/issue-categories.ts) */
  subCategory: string;
  /** the report's own text of the sub-problem, as stored (one per issue loaded from it) */
  reportText: Array<{ description: string; closed: boolean }>;
  /** the ledger's issues of the sub-category (not from the report): counts … */
  total: number;
  closed: number;
  overdue: number;
  /** … and the first ISSUE_ITEMS_LIMIT, in ledger order */
  items: IssueItem[];
};

type IssueGroupRow = {
  category: IssueCategory;
  subCategory: string;
  fromReport: boolean;
  title: string;
  description: string;
  closed: boolean;
  overdue: boolean;
  isDemo: boolean;
  total: number;
  closedCount: number;
  overdueCount: number;
};

/**
 * 二、存在的主要问题: the year's issues on `asOf`, per sub-category in the table's order. One query,
 * bounded: every issue from the report (a handful), at most ISSUE_ITEMS_LIMIT ledger issues per
 * sub-category with their counts.
 */
export async function listIssueGroups(prisma: Db, options: { year: number; asOf: string }): Promise<IssueGroup[]> {
  const rows = await prisma.$queryRaw<IssueGroupRow[]>(Prisma.sql`
    SELECT g.category, g."subCategory", g."fromReport", g.title, g.description, g.closed, g.overdue, g."isDemo",
           g.total, g."closedCount", g."overdueCount"
      FROM (SELECT i.category, i."subCategory", (i.source IS NOT NULL AND NOT i."isDemo") AS "fromReport", i.title, i.description, i."isDemo",
                   i.status = 'CLOSED' AS closed, ${overdueSql(options.asOf)} AS overdue,
                   row_number() OVER w AS n,
                   (count(*) OVER p)::int AS total,
                   (count(*) FILTER (WHERE i.status = 'CLOSED') OVER p)::int AS "closedCount",
                   (count(*) FILTER (WHERE ${overdueSql(options.asOf)}) OVER p)::int AS "overdueCount"
              FROM ${issuesAsOf(options.asOf)} i
             WHERE i.year = ${options.year}
            WINDOW p AS (PARTITION BY i.category, i."subCategory", (i.source IS NOT NULL AND NOT i."isDemo")),
                   w AS (p ORDER BY i."sortOrder", i.id)) g
     WHERE g."fromReport" OR g.n <= ${ISSUE_ITEMS_LIMIT}
     ORDER BY g.category, g."subCategory", g."fromReport" DESC, g.n`);
  const groups = new Map<string, IssueGroup>();
  for (const r of rows) {
    let g = groups.get(r.subCategory);
    if (!g) groups.set(r.subCategory, (g = { category: r.category, subCategory: r.subCategory, reportText: [], total: 0, closed: 0, overdue: 0, items: [] }));
    if (r.fromReport) {
      g.reportText.push({ description: r.description, closed: r.closed });
    } else {
      g.total = r.total;
      g.closed = r.closedCount;
      g.overdue = r.overdueCount;
      g.items.push({ title: r.title, closed: r.closed, overdue: r.overdue, isDemo: r.isDemo });
    }
  }
  // the report's order of sub-problems (src/domain/issue-categories.ts)
  return ISSUE_SUBCATEGORIES.flatMap((s) => groups.get(s.code) ?? []);
}

export type ReportTextSection = { id: number; key: string; sortOrder: number; title: string; body: string; version: number; updatedAt: Date };

/** The year's stored report text (一、(一) measures "plan-work", 三、下一步 "next-steps"), in order. */
export async function listReportSections(prisma: Db, year: number): Promise<ReportTextSection[]> {
  return prisma.reportSection.findMany({
    where: { plan: { year } },
    orderBy: [{ key: "asc" }, { sortOrder: "asc" }],
    select: { id: true, key: true, sortOrder: true, title: true, body: true, version: true, updatedAt: true },
  });
}

/** The published months of a year, newest first (the report's "as of" choice): at most twelve rows. */
export async function listPublishedMonths(prisma: Db, year: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ month: string }>>(Prisma.sql`
    SELECT rp.month FROM "ReportingPeriod" rp
     WHERE rp."currentPublicationId" IS NOT NULL AND rp.month BETWEEN ${`${year}-01`} AND ${`${year}-12`}
     ORDER BY rp.month DESC`);
  return rows.map((r) => r.month);
}
