// 我的待办 (the to-do page): what waits for an account, within the reach the permission table
// gives it. County staff: the open period's projects still to report (and its deadline), returned
// reports with the reason, its park's nodes 临期 or 超期, 效益填报 returned. Admins: reports and
// 效益填报 awaiting review, periods ready to publish, nodes 超期 across parks, projects started but not 入库. The issue-loop
// sections (督办) come from src/server/issues/todo.ts. Every list is bounded, with its total;
// the counts for the navigation are one statement.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { can, parkScope } from "@/server/auth/permissions";
import { nodeDueSoonDays, nodeAttentionSql, nodeStateSql, startedNotEnteredSql } from "@/domain/nodes";
import { issueTodoSql } from "@/server/issues/todo";

/** How many rows each to-do section shows (each links to its full list). */
export const TODO_LIMIT = 5;

/** Which sections an account sees: counties their own park's work, admins the office's. */
export function todoRole(actor: Actor | null): { countyParkId: number | null; office: boolean } {
  const scope = parkScope(actor, "todo.read");
  return { countyParkId: typeof scope === "number" ? scope : null, office: scope === null && can(actor, "monthlyReport.review") };
}

/** The newest open 调度期 (counties report into it), or null. */
export async function getOpenPeriod(prisma: Db) {
  return prisma.reportingPeriod.findFirst({ where: { status: "OPEN" }, orderBy: { month: "desc" }, select: { month: true, deadline: true } });
}

export type TodoCounts = {
  toReport: number;
  returned: number;
  /** the newest published month's projects of the county's park left without an approved report, not yet asked about */
  published: number;
  /** 申请更正 waiting for the office */
  corrections: number;
  nodes: number;
  review: number;
  publishable: number;
  overdueNodes: number;
  notEntered: number;
  /** 效益填报 submitted, waiting for the office */
  benefitReview: number;
  /** the county's 效益填报 returned by the office */
  benefitReturned: number;
  total: number;
};

const ZERO: TodoCounts = {
  toReport: 0,
  returned: 0,
  published: 0,
  corrections: 0,
  nodes: 0,
  review: 0,
  publishable: 0,
  overdueNodes: 0,
  notEntered: 0,
  benefitReview: 0,
  benefitReturned: 0,
  total: 0,
};

/** The projects a part reads: the whole list, or `pp` (parkProjectsCte: one county park's, read once). */
type Projects = "Project" | "pp";
const projectsSql = (projects: Projects) => (projects === "pp" ? Prisma.sql`pp` : Prisma.sql`"Project"`);

/**
 * SQL: the CTE `pp`, park `parkId`'s projects with the facts the to-do rules read of them. The
 * county's badge drives each of its parts from these few rows (a report, a node or a 效益填报 looked
 * up per project), so its cost follows the park's size, not the national list's: joined with every
 * county's returned reports and open nodes, it grew with the list (scale 100: 8 ms per page).
 */
function parkProjectsCte(parkId: number): Prisma.Sql {
  return Prisma.sql`pp AS MATERIALIZED (SELECT id, "parkId", "actualStartMonth", "actualProductionMonth", "statsEnteredMonth" FROM "Project" WHERE "parkId" = ${parkId})`;
}

/** SQL: the county park's 效益填报 returned by the office (b, joined with its project p). */
const benefitReturnedFrom = (parkId: number, projects: Projects = "Project") =>
  Prisma.sql`FROM "BenefitReport" b JOIN ${projectsSql(projects)} p ON p.id = b."projectId" WHERE b.status = 'RETURNED' AND p."parkId" = ${parkId}`;

/** SQL: FROM the one-month CTE `month` (op or pm), the projects of that year's list (p, e) and their report of the month, if any (r). */
function listedWithReport(month: "op" | "pm", projects: Projects = "Project"): Prisma.Sql {
  const m = Prisma.raw(month);
  return Prisma.sql`FROM ${m}
      JOIN "AnnualPlan" ap ON ap.year = substr(${m}.month, 1, 4)::int
      JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
      JOIN ${projectsSql(projects)} p ON p.id = e."projectId"
      LEFT JOIN "MonthlyReport" r ON r."projectId" = p.id AND r.month = ${m}.month`;
}

/** SQL: the open period's projects of park `parkId` with nothing submitted yet (none or a draft). */
function toReportFrom(parkId: number, projects: Projects = "Project"): Prisma.Sql {
  return Prisma.sql`
      ${listedWithReport("op", projects)}
     WHERE p."parkId" = ${parkId} AND (r.id IS NULL OR r.status = 'DRAFT')`;
}

const OPEN_PERIOD = Prisma.sql`op AS (SELECT month FROM "ReportingPeriod" WHERE status = 'OPEN' ORDER BY month DESC LIMIT 1)`;

/** SQL over report alias `r`: its month can still take it (the period is not published). */
const MONTH_NOT_PUBLISHED = Prisma.sql`NOT EXISTS (SELECT 1 FROM "ReportingPeriod" rpx WHERE rpx.month = r.month AND rpx.status = 'PUBLISHED')`;

/** SQL: reports returned to park `parkId` whose month can still take a correction (a published month's are on the published card). */
function returnedWhere(parkId: number): Prisma.Sql {
  return Prisma.sql`r.status = 'RETURNED' AND p."parkId" = ${parkId} AND ${MONTH_NOT_PUBLISHED}`;
}

const NEWEST_PUBLISHED = Prisma.sql`pm AS (SELECT id, month FROM "ReportingPeriod" WHERE status = 'PUBLISHED' ORDER BY month DESC LIMIT 1)`;

/**
 * SQL (needs NEWEST_PUBLISHED): the newest published month's projects of park `parkId` without an
 * approved report (退回, 草稿 or none: published as 未报). `unasked`: only those without a request.
 */
function publishedLeftFrom(parkId: number, unasked: boolean, join: Prisma.Sql = Prisma.empty, projects: Projects = "Project"): Prisma.Sql {
  return Prisma.sql`
      ${listedWithReport("pm", projects)}
      ${join}
     WHERE p."parkId" = ${parkId} AND (r.id IS NULL OR r."approvedRevisionId" IS NULL)
       ${unasked ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "CorrectionRequest" c WHERE c."periodId" = pm.id AND c."projectId" = p.id)` : Prisma.empty}`;
}

/** SQL: open periods nothing awaits review in and something is approved in — ready to publish. */
const PUBLISHABLE = Prisma.sql`rp.status = 'OPEN'
    AND NOT EXISTS (SELECT 1 FROM "MonthlyReport" r WHERE r.month = rp.month AND r.status = 'SUBMITTED')
    AND EXISTS (SELECT 1 FROM "MonthlyReport" r WHERE r.month = rp.month AND r."approvedRevisionId" IS NOT NULL)`;

/**
 * 已开工未入库 as of `month` in two index-backed branches (Project_statsEnteredMonth_idx), each
 * applying the one rule: never entered, or entered after the month. Read as one condition, the rule
 * made PostgreSQL read every project of the list to find the few.
 */
function notEnteredFrom(month: string): [Prisma.Sql, Prisma.Sql] {
  return [
    Prisma.sql`FROM "Project" p WHERE p."statsEnteredMonth" IS NULL AND ${startedNotEnteredSql(month)}`,
    Prisma.sql`FROM "Project" p WHERE p."statsEnteredMonth" > ${month} AND ${startedNotEnteredSql(month)}`,
  ];
}

function notEnteredCount(month: string): Prisma.Sql {
  const [never, later] = notEnteredFrom(month);
  return Prisma.sql`((SELECT count(*) ${never}) + (SELECT count(*) ${later}))`;
}

/** Every section's count for `actor` on `today`: one statement (the navigation's badge). */
export async function getTodoCounts(prisma: Db, actor: Actor | null, today: string, dueSoonDays = nodeDueSoonDays()): Promise<TodoCounts> {
  const { countyParkId, office } = todoRole(actor);
  if (countyParkId === null && !office) return ZERO;
  const zero = Prisma.sql`0`;
  const [row] = await prisma.$queryRaw<Array<Omit<TodoCounts, "total">>>(Prisma.sql`
    WITH ${OPEN_PERIOD}, ${NEWEST_PUBLISHED}
    SELECT
      ${countyParkId === null ? zero : Prisma.sql`(SELECT count(*) ${toReportFrom(countyParkId)})`}::int AS "toReport",
      ${countyParkId === null ? zero : Prisma.sql`(SELECT count(*) FROM "MonthlyReport" r JOIN "Project" p ON p.id = r."projectId" WHERE ${returnedWhere(countyParkId)})`}::int AS returned,
      ${countyParkId === null ? zero : Prisma.sql`(SELECT count(*) ${publishedLeftFrom(countyParkId, true)})`}::int AS published,
      ${office ? Prisma.sql`(SELECT count(*) FROM "CorrectionRequest" c WHERE c.status = 'PENDING')` : zero}::int AS corrections,
      ${countyParkId === null ? zero : Prisma.sql`(SELECT count(*) FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId" WHERE p."parkId" = ${countyParkId} AND ${nodeAttentionSql(today, dueSoonDays)})`}::int AS nodes,
      ${office ? Prisma.sql`(SELECT count(*) FROM "MonthlyReport" r WHERE r.status = 'SUBMITTED')` : zero}::int AS review,
      ${office ? Prisma.sql`(SELECT count(*) FROM "ReportingPeriod" rp WHERE ${PUBLISHABLE})` : zero}::int AS publishable,
      ${office ? Prisma.sql`(SELECT count(*) FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId" WHERE ${nodeAttentionSql(today, dueSoonDays)} AND ${nodeStateSql(today, dueSoonDays)} = 'overdue')` : zero}::int AS "overdueNodes",
      ${office ? notEnteredCount(today.slice(0, 7)) : zero}::int AS "notEntered",
      ${office ? Prisma.sql`(SELECT count(*) FROM "BenefitReport" b WHERE b.status = 'SUBMITTED')` : zero}::int AS "benefitReview",
      ${countyParkId === null ? zero : Prisma.sql`(SELECT count(*) ${benefitReturnedFrom(countyParkId)})`}::int AS "benefitReturned"`);
  const c = row ?? ZERO;
  return {
    ...c,
    total: c.toReport + c.returned + c.published + c.corrections + c.nodes + c.review + c.publishable + c.overdueNodes + c.notEntered + c.benefitReview + c.benefitReturned,
  };
}

export type ToReportRow = { code: string; name: string; status: "DRAFT" | null; isDemo: boolean };

/** The open period's projects of a county park still to report (none or only a draft). */
export async function listToReport(prisma: Db, parkId: number, limit = TODO_LIMIT) {
  const period = await getOpenPeriod(prisma);
  if (!period) return { period: null, total: 0, rows: [] as ToReportRow[] };
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`WITH ${OPEN_PERIOD} SELECT count(*)::int AS n ${toReportFrom(parkId)}`),
    prisma.$queryRaw<ToReportRow[]>(Prisma.sql`
      WITH ${OPEN_PERIOD}
      SELECT p.code, p.name, r.status, p."isDemo" ${toReportFrom(parkId)}
       ORDER BY e."sortOrder", p.code LIMIT ${limit}`),
  ]);
  return { period, total: count[0]?.n ?? 0, rows };
}

export type ReturnedRow = { code: string; name: string; parkName: string; month: string; reason: string | null; returnedAt: Date | null; isDemo: boolean };

/** Reports returned to the county (the current status RETURNED), oldest month first, with the reason. */
export async function listReturnedReports(prisma: Db, parkId: number, limit = TODO_LIMIT) {
  const where = returnedWhere(parkId);
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`SELECT count(*)::int AS n FROM "MonthlyReport" r JOIN "Project" p ON p.id = r."projectId" WHERE ${where}`),
    prisma.$queryRaw<ReturnedRow[]>(Prisma.sql`
      SELECT p.code, p.name, pk.name AS "parkName", r.month, r."returnReason" AS reason, r."updatedAt" AS "returnedAt", r."isDemo"
        FROM "MonthlyReport" r JOIN "Project" p ON p.id = r."projectId" JOIN "Park" pk ON pk.id = p."parkId"
       WHERE ${where}
       ORDER BY r.month, p.code LIMIT ${limit}`),
  ]);
  return { total: count[0]?.n ?? 0, rows };
}

export type AwaitingReviewRow = { code: string; name: string; parkName: string; month: string; submittedAt: Date; isDemo: boolean };

/**
 * Reports awaiting review, longest waiting first (ties in submission order): the first few read in
 * the order of the (status, updatedAt, id) index, not all 40,000 of a national list sorted.
 */
export async function listAwaitingReview(prisma: Db, limit = TODO_LIMIT) {
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`SELECT count(*)::int AS n FROM "MonthlyReport" r WHERE r.status = 'SUBMITTED'`),
    prisma.$queryRaw<AwaitingReviewRow[]>(Prisma.sql`
      SELECT p.code, p.name, pk.name AS "parkName", r.month, r."updatedAt" AS "submittedAt", r."isDemo"
        FROM "MonthlyReport" r JOIN "Project" p ON p.id = r."projectId" JOIN "Park" pk ON pk.id = p."parkId"
       WHERE r.status = 'SUBMITTED'
       ORDER BY r."updatedAt", r.id LIMIT ${limit}`),
  ]);
  return { total: count[0]?.n ?? 0, rows };
}

export type PublishableRow = { month: string; deadline: Date; approved: number; missing: number; isDemo: boolean };

/** Open periods ready to publish (nothing awaits review, something is approved), with what is still missing. */
export async function listPublishablePeriods(prisma: Db, limit = TODO_LIMIT) {
  const rows = await prisma.$queryRaw<PublishableRow[]>(Prisma.sql`
    SELECT rp.month, rp.deadline, rp."isDemo",
           (SELECT count(*) FROM "MonthlyReport" r WHERE r.month = rp.month AND r."approvedRevisionId" IS NOT NULL)::int AS approved,
           (SELECT count(*) FROM "AnnualPlan" ap JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
              LEFT JOIN "MonthlyReport" r ON r."projectId" = e."projectId" AND r.month = rp.month
             WHERE ap.year = substr(rp.month, 1, 4)::int AND (r.id IS NULL OR r."approvedRevisionId" IS NULL))::int AS missing
      FROM "ReportingPeriod" rp
     WHERE ${PUBLISHABLE}
     ORDER BY rp.month
     LIMIT ${limit}`);
  return { total: rows.length, rows };
}

/** The navigation's badge shows up to this many items, then "99+". */
export const TODO_BADGE_CAP = 99;

/**
 * The navigation's to-do badge: every section's items (the 督办 issues included), each part read
 * only up to the cap, in one statement. The cost is bounded whatever the number of projects and
 * issues, so every page of an office with thousands of open items stays as fast as a small one's;
 * the to-do page itself counts each section exactly. Returns at most TODO_BADGE_CAP + 1.
 */
export async function getTodoBadge(prisma: Db, actor: Actor | null, today: string, dueSoonDays = nodeDueSoonDays()): Promise<number> {
  const { countyParkId, office } = todoRole(actor);
  const issues = issueTodoSql(actor, today);
  const cap = TODO_BADGE_CAP + 1;
  const parts: Prisma.Sql[] = [];
  if (countyParkId !== null) {
    // each part driven from the park's projects (pp): the returned reports and the open nodes of
    // each looked up by project (MonthlyReport_returned_projectId_idx, Milestone_open_projectId_idx)
    parts.push(Prisma.sql`SELECT 1 ${toReportFrom(countyParkId, "pp")}`);
    parts.push(Prisma.sql`SELECT 1 FROM pp p JOIN "MonthlyReport" r ON r."projectId" = p.id WHERE ${returnedWhere(countyParkId)}`);
    parts.push(Prisma.sql`SELECT 1 ${publishedLeftFrom(countyParkId, true, Prisma.empty, "pp")}`);
    parts.push(Prisma.sql`SELECT 1 FROM pp p JOIN "Milestone" m ON m."projectId" = p.id WHERE ${nodeAttentionSql(today, dueSoonDays)}`);
    parts.push(Prisma.sql`SELECT 1 ${benefitReturnedFrom(countyParkId, "pp")}`);
  }
  if (office) {
    parts.push(Prisma.sql`SELECT 1 FROM "MonthlyReport" r WHERE r.status = 'SUBMITTED'`);
    parts.push(Prisma.sql`SELECT 1 FROM "ReportingPeriod" rp WHERE ${PUBLISHABLE}`);
    parts.push(Prisma.sql`SELECT 1 FROM "CorrectionRequest" c WHERE c.status = 'PENDING'`);
    // each node's project looked up by its key (OFFSET 0 keeps the subquery a per-row lookup):
    // joined plainly, PostgreSQL hashed every project of the list to find the first hundred nodes
    parts.push(
      Prisma.sql`SELECT 1 FROM "Milestone" m
        CROSS JOIN LATERAL (SELECT p."actualStartMonth", p."actualProductionMonth", p."statsEnteredMonth" FROM "Project" p WHERE p.id = m."projectId" OFFSET 0) p
        WHERE ${nodeAttentionSql(today, dueSoonDays)} AND ${nodeStateSql(today, dueSoonDays)} = 'overdue'`,
    );
    for (const from of notEnteredFrom(today.slice(0, 7))) parts.push(Prisma.sql`SELECT 1 ${from}`);
    parts.push(Prisma.sql`SELECT 1 FROM "BenefitReport" b WHERE b.status = 'SUBMITTED'`);
  }
  if (issues) parts.push(Prisma.sql`SELECT 1 FROM "Issue" i WHERE ${issues}`);
  if (parts.length === 0) return 0;
  const capped = parts.map((q) => Prisma.sql`(${q} LIMIT ${cap})`);
  const [row] = await prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`
    WITH ${OPEN_PERIOD}, ${NEWEST_PUBLISHED}${countyParkId !== null ? Prisma.sql`, ${parkProjectsCte(countyParkId)}` : Prisma.empty}
    SELECT least(count(*), ${cap})::int AS n FROM (${Prisma.join(capped, " UNION ALL ")}) x`);
  return row?.n ?? 0;
}

export type PublishedLeftRow = {
  code: string;
  name: string;
  status: "DRAFT" | "RETURNED" | null;
  /** the project's latest 申请更正 for the month, if any */
  requestStatus: "PENDING" | "REOPENED" | "DECLINED" | null;
  reply: string | null;
  isDemo: boolean;
};

/**
 * The county's published card: the newest published month, its projects of park `parkId` left
 * without an approved report (published as 未报) — the ones not yet asked about first — each with
 * its latest 申请更正 and the office's reply; the count is of those not yet asked about.
 */
export async function listPublishedLeft(prisma: Db, parkId: number, limit = TODO_LIMIT) {
  const [period] = await prisma.$queryRaw<Array<{ id: number; month: string }>>(Prisma.sql`WITH ${NEWEST_PUBLISHED} SELECT id, month FROM pm`);
  if (!period) return { month: null, total: 0, unasked: 0, rows: [] as PublishedLeftRow[] };
  const [counts, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ total: number; unasked: number }>>(Prisma.sql`
      WITH ${NEWEST_PUBLISHED}
      SELECT (SELECT count(*) ${publishedLeftFrom(parkId, false)})::int AS total, (SELECT count(*) ${publishedLeftFrom(parkId, true)})::int AS unasked`),
    prisma.$queryRaw<PublishedLeftRow[]>(Prisma.sql`
      WITH ${NEWEST_PUBLISHED}
      SELECT p.code, p.name, r.status::text AS status, c.status::text AS "requestStatus", c.reply, p."isDemo"
        ${publishedLeftFrom(
          parkId,
          false,
          Prisma.sql`LEFT JOIN LATERAL (SELECT c.status, c.reply FROM "CorrectionRequest" c WHERE c."periodId" = pm.id AND c."projectId" = p.id ORDER BY c.id DESC LIMIT 1) c ON true`,
        )}
       ORDER BY (c.status IS NOT NULL), e."sortOrder", p.code LIMIT ${limit}`),
  ]);
  return { month: period.month, total: counts[0]?.total ?? 0, unasked: counts[0]?.unasked ?? 0, rows };
}

export type BenefitTodoRow = { code: string; name: string; parkName: string; year: number; quarter: number; reason: string | null; at: Date; isDemo: boolean };

/**
 * 效益填报 waiting on an account: the office's submitted ones (oldest first), or a county park's
 * returned ones with the reason; the total and the first `limit`.
 */
export async function listBenefitTodos(prisma: Db, who: { parkId: number } | "office", limit = TODO_LIMIT): Promise<{ total: number; rows: BenefitTodoRow[] }> {
  const where = who === "office" ? Prisma.sql`b.status = 'SUBMITTED'` : Prisma.sql`b.status = 'RETURNED' AND p."parkId" = ${who.parkId}`;
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`SELECT count(*)::int AS n FROM "BenefitReport" b JOIN "Project" p ON p.id = b."projectId" WHERE ${where}`),
    prisma.$queryRaw<BenefitTodoRow[]>(Prisma.sql`
      SELECT p.code, p.name, pk.name AS "parkName", b.year, b.quarter, b."returnReason" AS reason, b."updatedAt" AS at, b."isDemo"
        FROM "BenefitReport" b JOIN "Project" p ON p.id = b."projectId" JOIN "Park" pk ON pk.id = p."parkId"
       WHERE ${where}
       ORDER BY b."updatedAt", b.id LIMIT ${limit}`),
  ]);
  return { total: count[0]?.n ?? 0, rows };
}
