// 问题台账 reads: the issues of a scope (a year, a county park, a project, the ledger's filters)
// with their overdue flags, the counts by category and status, the counts by park, one issue.
// "Overdue" and "escalated" (已升级督办) are defined once, in ./overdue.ts.
import "server-only";
import { Prisma, type IssueCategory, type IssueStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { businessDate } from "@/lib/month";
import { percent } from "@/lib/money";
import { issueEscalationDays, escalatedSql, isEscalated, isOverdue, overdueSql } from "@/domain/overdue";
import { ISSUE_STATUS_LABEL } from "@/lib/labels";
import { parseIssueCategoryFilter } from "@/domain/issue-categories";
import { intParam, param, type RawSearchParams } from "@/lib/search-params";

/** Which issues: any combination; `today` (business date "YYYY-MM-DD") decides what is overdue. */
export type IssueScope = {
  today: string;
  year?: number;
  parkId?: number;
  projectId?: number;
  status?: IssueStatus;
  /** any of these statuses (the to-do badge's lists of one scope, read as one condition) */
  statuses?: IssueStatus[];
  /** a top category (问题类别), its sub-categories included */
  category?: IssueCategory;
  /** one sub-category code under `category` (src/domain/issue-categories.ts) */
  subCategory?: string;
  /** only the overdue ones */
  overdue?: boolean;
  /** only the escalated ones (overdue by more than the escalation days) */
  escalated?: boolean;
  /** only those of this 包保领导 */
  leader?: string;
  /** only the whole park's own issues (no county park, no project) */
  wholePark?: boolean;
  /** escalation threshold in days (default ISSUE_ESCALATION_DAYS) */
  escalationDays?: number;
};

const escalated = (scope: Pick<IssueScope, "today" | "escalationDays">) => escalatedSql(scope.today, scope.escalationDays ?? issueEscalationDays());

/** The ledger's filters (from the URL of /issues). */
export type IssueFilters = Omit<IssueScope, "today" | "projectId" | "escalationDays" | "wholePark" | "statuses">;

/**
 * The ledger's filters from the URL of /issues (shared by the page and its Excel export):
 * anything unknown is ignored. The ledger opens on the newest year (`year=all` for every year).
 */
export function parseIssueFilters(sp: RawSearchParams, newestYear: number | undefined, leaders: readonly string[] = []): { filters: IssueFilters; allYears: boolean } {
  const one = (name: string) => param(sp, name);
  const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined => (allowed.includes(value as T) ? (value as T) : undefined);
  const allYears = one("year") === "all";
  const asked = intParam(sp, "year");
  const year = allYears ? undefined : asked !== undefined && asked >= 2000 && asked <= 2100 ? asked : newestYear;
  return {
    allYears,
    filters: {
      status: pick(one("status"), Object.keys(ISSUE_STATUS_LABEL) as IssueStatus[]),
      // one parameter: a top category (with its sub-categories) or one sub-category
      ...parseIssueCategoryFilter(one("category")),
      parkId: intParam(sp, "park"),
      overdue: one("overdue") === "1",
      escalated: one("escalated") === "1",
      leader: pick(one("leader"), leaders),
      year,
    },
  };
}

/** The ledger's page size: 20 by default, any size from 1 to 100 on request. */
export const ISSUE_PAGE_SIZE = 20;
export const ISSUE_PAGE_SIZE_MAX = 100;

/** A page request, clamped: size 1–100 (default 20), page ≥ 1. */
export function issuePaging(page?: number, size?: number): { page: number; size: number } {
  const s = size === undefined || !Number.isFinite(size) ? ISSUE_PAGE_SIZE : Math.min(ISSUE_PAGE_SIZE_MAX, Math.max(1, Math.trunc(size)));
  const p = page === undefined || !Number.isFinite(page) ? 1 : Math.max(1, Math.trunc(page));
  return { page: p, size: s };
}

export type IssueSummary = {
  total: number;
  closed: number;
  overdue: number;
  escalated: number;
  demo: number;
  byCategory: Array<{ category: IssueCategory; counts: Record<IssueStatus, number>; total: number; overdue: number }>;
};

/**
 * The scope as a WHERE condition over "Issue" i alone (no joined table), so that the counts read
 * only the issues' covering index (migration 20261208050000_issue_count_index).
 */
export function issueFilter(scope: IssueScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`true`];
  if (scope.year !== undefined) parts.push(Prisma.sql`i.year = ${scope.year}`);
  // a park's issues: its own and its projects'. Written as two index lookups (the park's issues, and
  // the issues of the park's project ids); the same test on the joined project (p."parkId") made every
  // county page's to-do badge read all open issues of the list and hash every project (scale 100:
  // 21 ms → 0.5 ms; it grew with the whole list, now with the park)
  if (scope.parkId !== undefined)
    parts.push(Prisma.sql`(i."parkId" = ${scope.parkId} OR i."projectId" = ANY(ARRAY(SELECT px.id FROM "Project" px WHERE px."parkId" = ${scope.parkId})))`);
  if (scope.projectId !== undefined) parts.push(Prisma.sql`i."projectId" = ${scope.projectId}`);
  if (scope.status) parts.push(Prisma.sql`i.status = ${scope.status}::"IssueStatus"`);
  if (scope.statuses) parts.push(Prisma.sql`i.status = ANY(${scope.statuses}::"IssueStatus"[])`);
  if (scope.category) parts.push(Prisma.sql`i.category = ${scope.category}::"IssueCategory"`);
  if (scope.subCategory) parts.push(Prisma.sql`i."subCategory" = ${scope.subCategory}`);
  if (scope.overdue) parts.push(overdueSql(scope.today));
  if (scope.escalated) parts.push(escalated(scope));
  if (scope.wholePark) parts.push(Prisma.sql`(i."parkId" IS NULL AND i."projectId" IS NULL)`);
  if (scope.leader) parts.push(Prisma.sql`i."responsibleLeader" = ${scope.leader}`);
  return Prisma.join(parts, " AND ");
}

/** Issues of the scope by category and status, with the overdue count. */
export async function getIssueSummary(prisma: Db, scope: IssueScope): Promise<IssueSummary> {
  const rows = await prisma.$queryRaw<Array<{ category: IssueCategory; status: IssueStatus; n: number; overdue: number; escalated: number; demo: number }>>(Prisma.sql`
    SELECT i.category, i.status, count(*)::int AS n,
           count(*) FILTER (WHERE ${overdueSql(scope.today)})::int AS overdue,
           count(*) FILTER (WHERE ${escalated(scope)})::int AS escalated,
           count(*) FILTER (WHERE i."isDemo")::int AS demo
      FROM "Issue" i
     WHERE ${issueFilter(scope)}
     GROUP BY i.category, i.status
     ORDER BY i.category, i.status`);
  const byCategory = new Map<IssueCategory, IssueSummary["byCategory"][number]>();
  const summary: IssueSummary = { total: 0, closed: 0, overdue: 0, escalated: 0, demo: 0, byCategory: [] };
  for (const r of rows) {
    let c = byCategory.get(r.category);
    if (!c) {
      c = { category: r.category, counts: { OPEN: 0, ASSIGNED: 0, IN_PROGRESS: 0, FEEDBACK: 0, CLOSED: 0 }, total: 0, overdue: 0 };
      byCategory.set(r.category, c);
      summary.byCategory.push(c);
    }
    c.counts[r.status] += r.n;
    c.total += r.n;
    c.overdue += r.overdue;
    summary.total += r.n;
    summary.overdue += r.overdue;
    summary.escalated += r.escalated;
    summary.demo += r.demo;
    if (r.status === "CLOSED") summary.closed += r.n;
  }
  return summary;
}

export type IssueRow = {
  id: number;
  year: number;
  category: IssueCategory;
  subCategory: string;
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
  /** overdue by more than the escalation days: flagged to the 包保领导 */
  escalated: boolean;
  isDemo: boolean;
  projectCode: string | null;
  projectName: string | null;
  /** the project's county park, else the issue's own (null: the whole park) */
  parkId: number | null;
  parkName: string | null;
};

/** The issues of the scope, overdue ones first, closed ones last; with `limit`, one page of them. */
export async function listIssues(prisma: Db, scope: IssueScope, limit?: { offset: number; size: number }): Promise<IssueRow[]> {
  return prisma.$queryRaw<IssueRow[]>(Prisma.sql`
    SELECT i.id, i.year, i.category, i."subCategory", i.title, i.description, i.status, i."responsibleUnit",
           i."responsibleLeader", i."raisedDate", i."dueDate", i."closedDate", i.resolution,
           ${overdueSql(scope.today)} AS overdue, ${escalated(scope)} AS escalated, i."isDemo",
           p.code AS "projectCode", p.name AS "projectName",
           coalesce(p."parkId", i."parkId") AS "parkId", coalesce(ppk.name, pk.name) AS "parkName"
      FROM "Issue" i
      LEFT JOIN "Project" p ON p.id = i."projectId"
      LEFT JOIN "Park" pk ON pk.id = i."parkId"
      LEFT JOIN "Park" ppk ON ppk.id = p."parkId"
     WHERE ${issueFilter(scope)}
     -- overdue first, then the other open ones, closed last: an open issue is overdue exactly when its due
     -- date is before today, so ordering open ones by due date puts the overdue first, and the index
     -- "Issue_year_closed_dueDate_idx" gives this order without a sort
     ORDER BY (i.status = 'CLOSED'), i."dueDate" NULLS LAST, i."sortOrder", i.id
     ${limit ? Prisma.sql`LIMIT ${limit.size} OFFSET ${limit.offset}` : Prisma.empty}`);
}

type IssueCounts = { total: number; closed: number; overdue: number; escalated: number };

/** How many issues of the scope, closed, overdue, escalated: one grouped query. */
export async function getIssueStats(prisma: Db, scope: IssueScope): Promise<IssueCounts> {
  const [row] = await prisma.$queryRaw<IssueCounts[]>(Prisma.sql`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE i.status = 'CLOSED')::int AS closed,
           count(*) FILTER (WHERE ${overdueSql(scope.today)})::int AS overdue,
           count(*) FILTER (WHERE ${escalated(scope)})::int AS escalated
      FROM "Issue" i
     WHERE ${issueFilter(scope)}`);
  return row ?? { total: 0, closed: 0, overdue: 0, escalated: 0 };
}

// The ledger's filters list the leaders and years that issues have. Both are a few dozen values
// over all the issues (200,000 at 50,000 projects): read by skipping from one value to the next
// in their index (a handful of index probes) instead of reading every issue (216 ms → 2 ms there).

/** The 包保领导 named on issues (the ledger's leader filter), in name order. */
export async function listIssueLeaders(prisma: Db): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ leader: string }>>(Prisma.sql`
    WITH RECURSIVE l AS (
      SELECT min("responsibleLeader") AS leader FROM "Issue"
      UNION ALL
      SELECT (SELECT min(i."responsibleLeader") FROM "Issue" i WHERE i."responsibleLeader" > l.leader) FROM l WHERE l.leader IS NOT NULL
    )
    SELECT leader FROM l WHERE leader IS NOT NULL ORDER BY leader`);
  return rows.map((r) => r.leader);
}

/** The years that have issues, newest first (the ledger's year filter). */
export async function listIssueYears(prisma: Db): Promise<number[]> {
  const rows = await prisma.$queryRaw<Array<{ year: number }>>(Prisma.sql`
    WITH RECURSIVE y AS (
      SELECT max(year) AS year FROM "Issue"
      UNION ALL
      SELECT (SELECT max(i.year) FROM "Issue" i WHERE i.year < y.year) FROM y WHERE y.year IS NOT NULL
    )
    SELECT year FROM y WHERE year IS NOT NULL ORDER BY year DESC`);
  return rows.map((r) => r.year);
}

/**
 * The ledger (/issues): one page of the filtered issues (overdue first) and the counts of all
 * of them. Two statements whatever the number of issues: the counts, then the page (a page past
 * the end shows the last one).
 */
export async function getIssueLedger(prisma: Db, filters: IssueFilters, paging: { page?: number; size?: number } = {}, today = businessDate()) {
  const scope: IssueScope = { ...filters, today };
  // one query at a time: the embedded database serves few connections
  const { total, closed, overdue, escalated: escalatedCount } = await getIssueStats(prisma, scope);
  const { size, page: asked } = issuePaging(paging.page, paging.size);
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(asked, pages);
  const issues = await listIssues(prisma, scope, { offset: (page - 1) * size, size });
  /** 办结率: closed ÷ all, as shown (null without issues) */
  const closureRate = percent(closed, total);
  return { issues, total, closed, overdue, escalated: escalatedCount, closureRate, today, page, pages, size };
}

export type IssueParkRow = { parkId: number | null; parkName: string | null; total: number; open: number; overdue: number };

/** Issues of the year per county park (a project's issue counts for its park); park-wide issues have parkId null. */
export async function getIssueCountsByPark(prisma: Db, scope: { year: number; today: string }): Promise<IssueParkRow[]> {
  return prisma.$queryRaw<IssueParkRow[]>(Prisma.sql`
    SELECT pk.id AS "parkId", pk.name AS "parkName", count(*)::int AS total,
           count(*) FILTER (WHERE i.status <> 'CLOSED')::int AS open,
           count(*) FILTER (WHERE ${overdueSql(scope.today)})::int AS overdue
      FROM "Issue" i
      LEFT JOIN "Project" p ON p.id = i."projectId"
      LEFT JOIN "Park" pk ON pk.id = coalesce(i."parkId", p."parkId")
     WHERE i.year = ${scope.year}
     GROUP BY pk.id, pk.name, pk."sortOrder"
     ORDER BY pk."sortOrder" NULLS FIRST, pk.name`);
}

/** One issue with its project, park, author and progress history. */
export async function getIssue(prisma: Db, id: number, today = businessDate()) {
  const issue = await prisma.issue.findUnique({
    where: { id },
    include: {
      project: { select: { code: true, name: true, parkId: true, park: { select: { name: true } } } },
      park: { select: { name: true } },
      createdBy: { select: { displayName: true } },
      updates: { orderBy: { id: "desc" }, include: { user: { select: { displayName: true } } } },
    },
  });
  if (!issue) return null;
  return { ...issue, effectiveParkId: issue.project?.parkId ?? issue.parkId, overdue: isOverdue(issue, today), escalated: isEscalated(issue, today) };
}

export type ParkIssue = {
  id: number;
  category: IssueCategory;
  title: string;
  status: IssueStatus;
  overdue: boolean;
  escalated: boolean;
  responsibleLeader: string | null;
  dueDate: Date | null;
  isDemo: boolean;
  projectCode: string | null;
  projectName: string | null;
};

/** A county park's issues of the year (its own and its projects'), overdue first, closed last, at most `limit`. */
export async function listParkIssues(prisma: Db, parkId: number, year: number, today: string, limit: number): Promise<ParkIssue[]> {
  return prisma.$queryRaw<ParkIssue[]>(Prisma.sql`
    SELECT i.id, i.category, i.title, i.status, ${overdueSql(today)} AS overdue, ${escalatedSql(today)} AS escalated, i."responsibleLeader", i."dueDate", i."isDemo",
           p.code AS "projectCode", p.name AS "projectName"
      FROM "Issue" i
      LEFT JOIN "Project" p ON p.id = i."projectId"
     WHERE ${issueFilter({ year, parkId, today })}
     ORDER BY ${overdueSql(today)} DESC, (i.status = 'CLOSED'), i."dueDate" NULLS LAST, i."sortOrder", i.id
     LIMIT ${limit}`);
}
