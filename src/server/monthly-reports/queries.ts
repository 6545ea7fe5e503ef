// Reads for monthly reporting: what an actor has to report for a month, one project-month's
// entry with its history, and the review queue.
import "server-only";
import { Prisma, type ProgressStage, type ProjectStatus, type QualityKind, type ReportAction, type ReportStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { parkScope } from "@/server/auth/permissions";
import { dec, decimalText } from "@/lib/money";
import { addMonths, currentMonth } from "@/lib/month";
import { previousCountedFigure, type FundsFigure } from "./counted-revision";
import { FUNDS_COLUMNS, type FundingSource, type FundsColumn } from "@/domain/funding";
import { figureUpToSql } from "@/domain/counted-revision";
import type { PhotoRef } from "@/server/photos/queries";

/** The month the reporting page opens on: this month, or the last month of the newest list before it. */
export async function defaultReportMonth(prisma: Db): Promise<string> {
  const now = currentMonth();
  const plan = await prisma.annualPlan.findFirst({ where: { year: { lte: Number(now.slice(0, 4)) } }, orderBy: { year: "desc" } });
  if (!plan || String(plan.year) === now.slice(0, 4)) return now;
  return `${plan.year}-12`;
}

/** Projects the actor reports for (own county park; all for admins) on `month`'s year list. */
export async function listReportingProjects(prisma: Db, actor: Actor, month: string) {
  const year = Number(month.slice(0, 4));
  const scope = parkScope(actor, "monthlyReport.write");
  if (scope === undefined) return [];
  const projects = await prisma.project.findMany({
    where: {
      planEntries: { some: { plan: { year } } },
      ...(scope === null ? {} : { parkId: scope }),
    },
    orderBy: [{ park: { sortOrder: "asc" } }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      isDemo: true,
      park: { select: { name: true } },
      monthlyReports: {
        where: { month },
        select: { id: true, status: true, returnReason: true, currentRevision: { select: { cumulativeInvestment: true, monthInvestment: true } } },
      },
    },
  });
  return projects.map((p) => ({
    code: p.code,
    name: p.name,
    isDemo: p.isDemo,
    parkName: p.park.name,
    report: p.monthlyReports[0]
      ? {
          id: p.monthlyReports[0].id,
          status: p.monthlyReports[0].status,
          returnReason: p.monthlyReports[0].returnReason,
          cumulativeInvestment: p.monthlyReports[0].currentRevision?.cumulativeInvestment.toString() ?? null,
          monthInvestment: p.monthlyReports[0].currentRevision?.monthInvestment?.toString() ?? null,
        }
      : null,
  }));
}

export type ReportEntry = NonNullable<Awaited<ReturnType<typeof getReportEntry>>>;

type EntryProject = {
  id: number;
  code: string;
  name: string;
  parkId: number;
  totalInvestment: string;
  actualStartMonth: string | null;
  actualProductionMonth: string | null;
  status: ProjectStatus;
  park: { name: string };
  fundingPlans: Partial<Record<FundingSource, string>>;
};

type EntryRevision = {
  id: number;
  revisionNo: number;
  monthInvestment: string | null;
  cumulativeInvestment: string;
  progressText: string;
  progressStage: ProgressStage | null;
  actualStartMonth: string | null;
  actualProductionMonth: string | null;
  explanation: string | null;
  funds: FundsFigure;
  createdBy: string;
  createdAt: Date;
  photos: PhotoRef[];
};

type EntryEvent = { id: number; action: ReportAction; toStatus: ReportStatus; reason: string | null; by: string; at: Date };

/**
 * One project-month: the project, the report with its revisions and events, and the previous month's figure.
 * Read in SQL (three statements: the project, the report with its history, the previous figure):
 * the county's form reads it on every visit and after every save of the deadline-day rush, where
 * the ORM's nested reads cost a plan compiled per call on the request's thread (docs/benchmark.md).
 */
export async function getReportEntry(prisma: Db, code: string, month: string) {
  const [project] = await prisma.$queryRaw<EntryProject[]>(Prisma.sql`
    SELECT p.id, p.code, p.name, p."parkId", p."totalInvestment"::text AS "totalInvestment", p."actualStartMonth", p."actualProductionMonth",
           p.status::text AS status, json_build_object('name', pk.name) AS park,
           coalesce((SELECT json_object_agg(f.source, f.planned::text) FROM "ProjectFundingPlan" f WHERE f."projectId" = p.id), '{}'::json) AS "fundingPlans"
      FROM "Project" p JOIN "Park" pk ON pk.id = p."parkId"
     WHERE p.code = ${code}`);
  if (!project) return null;
  // amounts as the ORM gave them before (Decimal's text: "1200.5", not the column's "1200.50")
  const amount = (v: string | null) => (v === null ? null : dec(v).toString());
  project.totalInvestment = amount(project.totalInvestment)!;
  project.fundingPlans = Object.fromEntries(Object.entries(project.fundingPlans).map(([k, v]) => [k, amount(v!)])) as EntryProject["fundingPlans"];
  type ReportRow = {
    id: number;
    status: ReportStatus;
    version: number;
    returnReason: string | null;
    currentRevisionId: number | null;
    approvedRevisionId: number | null;
    revisions: Array<Omit<EntryRevision, "createdBy" | "createdAt" | "funds"> & Record<FundsColumn, string | null> & { createdBy: string | null; createdAt: string }>;
    events: Array<Omit<EntryEvent, "by" | "at"> & { by: string | null; at: string }>;
  };
  const [[report = null], previous] = await Promise.all([
    prisma.$queryRaw<ReportRow[]>(Prisma.sql`
      SELECT r.id, r.status::text AS status, r.version, r."returnReason", r."currentRevisionId", r."approvedRevisionId",
             coalesce((SELECT json_agg(json_build_object(
                         'id', rv.id, 'revisionNo', rv."revisionNo", 'monthInvestment', rv."monthInvestment"::text,
                         'cumulativeInvestment', rv."cumulativeInvestment"::text, 'progressText', rv."progressText", 'progressStage', rv."progressStage",
                         'actualStartMonth', rv."actualStartMonth", 'actualProductionMonth', rv."actualProductionMonth", 'explanation', rv.explanation,
                         ${Prisma.join(FUNDS_COLUMNS.map((c) => Prisma.sql`${c}::text, rv.${Prisma.raw(`"${c}"`)}::text`))},
                         'createdBy', u."displayName", 'createdAt', rv."createdAt",
                         'photos', coalesce((SELECT json_agg(json_build_object('id', ph.id, 'thumbWidth', ph."thumbWidth", 'thumbHeight', ph."thumbHeight") ORDER BY rp.position)
                                               FROM "RevisionPhoto" rp JOIN "Photo" ph ON ph.id = rp."photoId" WHERE rp."revisionId" = rv.id), '[]'::json))
                         ORDER BY rv."revisionNo" DESC)
                         FROM "MonthlyReportRevision" rv LEFT JOIN "User" u ON u.id = rv."createdById" WHERE rv."reportId" = r.id), '[]'::json) AS revisions,
             coalesce((SELECT json_agg(json_build_object('id', e.id, 'action', e.action, 'toStatus', e."toStatus", 'reason', e.reason, 'by', u."displayName", 'at', e."createdAt") ORDER BY e.id DESC)
                         FROM "ReportEvent" e LEFT JOIN "User" u ON u.id = e."userId" WHERE e."reportId" = r.id), '[]'::json) AS events
        FROM "MonthlyReport" r
       WHERE r."projectId" = ${project.id}::int AND r.month = ${month}`),
    previousCountedFigure(prisma, project.id, month),
  ]);
  return {
    project,
    report: report && {
      id: report.id,
      status: report.status,
      version: report.version,
      returnReason: report.returnReason,
      currentRevisionId: report.currentRevisionId,
      approvedRevisionId: report.approvedRevisionId,
      revisions: report.revisions.map((r): EntryRevision => ({
        id: r.id,
        revisionNo: r.revisionNo,
        monthInvestment: amount(r.monthInvestment),
        cumulativeInvestment: amount(r.cumulativeInvestment)!,
        progressText: r.progressText,
        progressStage: r.progressStage,
        actualStartMonth: r.actualStartMonth,
        actualProductionMonth: r.actualProductionMonth,
        explanation: r.explanation,
        funds: Object.fromEntries(FUNDS_COLUMNS.map((c) => [c, amount(r[c])])) as FundsFigure,
        createdBy: r.createdBy ?? "系统导入",
        createdAt: new Date(r.createdAt),
        photos: r.photos,
      })),
      events: report.events.map((e): EntryEvent => ({ id: e.id, action: e.action, toStatus: e.toStatus, reason: e.reason, by: e.by ?? "系统", at: new Date(e.at) })),
    },
    previous,
    previousMonth: addMonths(month, -1),
  };
}

/** The review queue's page size. */
export const REVIEW_PAGE_SIZE = 20;

/** The statuses /review lists: awaiting review (the default), returned, approved, draft. */
export const REVIEW_STATUSES = ["SUBMITTED", "RETURNED", "APPROVED", "DRAFT"] as const satisfies readonly ReportStatus[];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export type ReviewFilters = { parkId?: number; month?: string; status?: ReviewStatus };

export type ReviewItem = {
  id: number;
  version: number;
  status: ReportStatus;
  returnReason: string | null;
  month: string;
  projectCode: string;
  projectName: string;
  parkName: string;
  totalInvestment: string;
  monthInvestment: string | null;
  cumulativeInvestment: string | null;
  progressText: string;
  explanation: string | null;
  revisionNo: number | null;
  /** a correction of a month already approved */
  isCorrection: boolean;
  /** this month's approved figure the correction would replace */
  previouslyApprovedCumulative: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  /** the project's newest approved month before this one (null: none) */
  previous: { month: string; cumulativeInvestment: string; monthInvestment: string | null } | null;
  /** 倒排工期: planned cumulative investment at the end of this month (null: no plan for it) */
  plannedCumulative: string | null;
  /** the current (submitted, returned, approved or draft) revision's 形象进度 photos, in order */
  photos: PhotoRef[];
  /** 形象进度阶段 of the current revision (null: not given) */
  progressStage: ProgressStage | null;
  /** 数据质量提示: the current revision's flags (written when it was submitted), in the checks' order */
  flags: Array<{ kind: QualityKind; message: string }>;
  /** the 核实说明 given when the current revision was approved (null: none, or not approved) */
  verification: string | null;
};

export type ReviewCounts = {
  /** awaiting review, everywhere */
  all: number;
  /** reports per status within the park and month filters (every status listed, zeros included) */
  byStatus: Array<{ status: ReviewStatus; count: number }>;
  /** per county park, in the status shown (within the month filter), parks with none left out;
   *  null when not asked for (a province's list: its park filter is a search) */
  byPark: Array<{ parkId: number; parkName: string; count: number }> | null;
  /** months with reports in the status shown (within the park filter), newest first; for 已审核 every
   *  period's month, counted only for the month approved reports are counted in */
  months: Array<{ month: string; count: number | null }>;
  /** in the status shown within both filters: the length of the paged list */
  filtered: number;
  /**
   * Approved reports pile up month after month (at 5,000 projects, 100,000 over three years), so they
   * are counted and listed one month at a time: the month filter, or else the newest period's month.
   */
  approvedMonth: string | null;
};

/**
 * How many reports there are per status, month and (with `byPark`) county park: one statement of
 * small grouped parts, each read the cheapest way — the counts by status and by month from the
 * (status, month) index alone, the project's park joined only where a park is filtered or counted
 * per park. At province scale (1,000 parks) the page asks no per-park counts (its park filter is a
 * search, src/server/parks/park-filter.ts), and 90,000 open reports are not joined to their projects.
 */
export async function getReviewCounts(prisma: Db, f: ReviewFilters = {}, opts: { byPark?: boolean } = {}): Promise<ReviewCounts> {
  const shown = f.status ?? "SUBMITTED";
  const [approved] = await prisma.$queryRaw<Array<{ month: string | null }>>(Prisma.sql`
    SELECT coalesce(${f.month ?? null}::text, (SELECT max(month) FROM "ReportingPeriod")) AS month`);
  const approvedMonth = approved?.month ?? null;
  // the workflow's open states everywhere, approved reports of one month only; each part written
  // as the statuses it takes (not "<> 'APPROVED'", nor one "… OR (APPROVED AND month)") so that
  // PostgreSQL reads it from the (status, month) index instead of scanning every month's reports
  // (1,000,000 at 50,000 projects: 60 ms; bench/RESULTS.md, "Deadline-day rush" and "National size")
  const inPark = f.parkId === undefined ? Prisma.empty : Prisma.sql`AND r."projectId" IN (SELECT id FROM "Project" WHERE "parkId" = ${f.parkId})`;
  const inMonth = f.month === undefined ? Prisma.empty : Prisma.sql`AND r.month = ${f.month}`;
  const isShown = Prisma.sql`r.status = ${shown}::"ReportStatus" ${shown === "APPROVED" ? Prisma.sql`AND r.month = ${approvedMonth}` : Prisma.empty}`;
  type Row = {
    part: "status" | "all" | "month" | "park";
    status: ReportStatus | null;
    month: string | null;
    parkId: number | null;
    parkName: string | null;
    sortOrder: number | null;
    n: number;
  };
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT 'status' AS part, r.status, NULL AS month, NULL::int AS "parkId", NULL AS "parkName", NULL::int AS "sortOrder", count(*)::int AS n
      FROM "MonthlyReport" r WHERE r.status IN ('DRAFT', 'SUBMITTED', 'RETURNED') ${inPark} ${inMonth} GROUP BY r.status
    UNION ALL
    SELECT 'status', 'APPROVED', NULL, NULL, NULL, NULL, count(*)::int
      FROM "MonthlyReport" r WHERE r.status = 'APPROVED' AND r.month = ${approvedMonth} ${inPark} ${inMonth}
    UNION ALL
    SELECT 'all', NULL, NULL, NULL, NULL, NULL, count(*)::int FROM "MonthlyReport" r WHERE r.status = 'SUBMITTED'
    UNION ALL
    SELECT 'month', NULL, r.month, NULL, NULL, NULL, count(*)::int FROM "MonthlyReport" r WHERE ${isShown} ${inPark} GROUP BY r.month
    ${
      opts.byPark === false
        ? Prisma.empty
        : Prisma.sql`UNION ALL
    SELECT 'park', NULL, NULL, pk.id, pk.name, pk."sortOrder", count(*)::int
      FROM "MonthlyReport" r JOIN "Project" p ON p.id = r."projectId" JOIN "Park" pk ON pk.id = p."parkId"
     WHERE ${isShown} ${inMonth}
     GROUP BY pk.id, pk.name, pk."sortOrder"`
    }`);
  const periodMonths = shown === "APPROVED" ? await prisma.$queryRaw<Array<{ month: string }>>(Prisma.sql`SELECT month FROM "ReportingPeriod" ORDER BY month DESC`) : [];
  const byStatus = new Map<string, number>(REVIEW_STATUSES.map((s) => [s, 0]));
  const months = new Map<string, number>();
  const byPark: Array<NonNullable<ReviewCounts["byPark"]>[number] & { sortOrder: number }> = [];
  let all = 0;
  for (const r of rows) {
    if (r.part === "status") byStatus.set(r.status!, r.n);
    else if (r.part === "all") all = r.n;
    else if (r.part === "month") months.set(r.month!, r.n);
    else byPark.push({ parkId: r.parkId!, parkName: r.parkName!, sortOrder: r.sortOrder!, count: r.n });
  }
  const filtered = byStatus.get(shown) ?? 0;
  const monthList: ReviewCounts["months"] = [...months.entries()].map(([month, count]) => ({ month, count }));
  for (const { month } of periodMonths) if (!months.has(month)) monthList.push({ month, count: null });
  monthList.sort((a, b) => (a.month < b.month ? 1 : -1));
  return {
    all,
    byStatus: REVIEW_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    // the parks in the list's order (UNION ALL promises none)
    byPark:
      opts.byPark === false
        ? null
        : byPark.sort((a, b) => a.sortOrder - b.sortOrder || (a.parkName < b.parkName ? -1 : a.parkName > b.parkName ? 1 : 0)).map(({ sortOrder: _, ...p }) => p),
    months: monthList,
    filtered,
    approvedMonth,
  };
}

/**
 * One page of the months in a status — awaiting review by default (oldest first; any other status
 * newest first) — each beside the project's
 * previous approved month and its 倒排工期 plan for the month: one statement for the page,
 * whatever its size (the page is cut first, then each row's neighbours are joined).
 */
export async function listReviewQueue(prisma: Db, f: ReviewFilters = {}, limit: { offset: number; size: number } = { offset: 0, size: REVIEW_PAGE_SIZE }): Promise<ReviewItem[]> {
  const status = f.status ?? "SUBMITTED";
  const where: Prisma.Sql[] = [Prisma.sql`r.status = ${status}::"ReportStatus"`];
  if (f.parkId !== undefined) where.push(Prisma.sql`p."parkId" = ${f.parkId}`);
  if (f.month !== undefined) where.push(Prisma.sql`r.month = ${f.month}`);
  type Row = {
    id: number;
    version: number;
    status: ReportStatus;
    returnReason: string | null;
    month: string;
    projectId: number;
    projectCode: string;
    projectName: string;
    parkName: string;
    totalInvestment: Prisma.Decimal;
    monthInvestment: Prisma.Decimal | null;
    cumulativeInvestment: Prisma.Decimal | null;
    progressText: string | null;
    explanation: string | null;
    revisionNo: number | null;
    isCorrection: boolean;
    previouslyApprovedCumulative: Prisma.Decimal | null;
    submittedBy: string | null;
    submittedAt: Date | null;
    prevMonth: string | null;
    prevCumulative: Prisma.Decimal | null;
    prevMonthInvestment: Prisma.Decimal | null;
    plannedCumulative: Prisma.Decimal | null;
    photos: PhotoRef[] | null;
    progressStage: ProgressStage | null;
    flags: Array<{ kind: QualityKind; message: string }> | null;
    verification: string | null;
  };
  // awaiting review: oldest first (the queue); any other status: the newest change first
  const order = status === "SUBMITTED" ? Prisma.sql`r."updatedAt", r.id` : Prisma.sql`r."updatedAt" DESC, r.id DESC`;
  const outerOrder = status === "SUBMITTED" ? Prisma.sql`pg."updatedAt", pg.id` : Prisma.sql`pg."updatedAt" DESC, pg.id DESC`;
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    WITH page AS (
      SELECT r.id, r.version, r.status, r."returnReason", r.month, r."projectId", r."currentRevisionId", r."approvedRevisionId", r."updatedAt",
             p.code, p.name, p."totalInvestment", pk.name AS "parkName"
        FROM "MonthlyReport" r
        JOIN "Project" p ON p.id = r."projectId"
        JOIN "Park" pk ON pk.id = p."parkId"
       WHERE ${Prisma.join(where, " AND ")}
       ORDER BY ${order}
       LIMIT ${limit.size} OFFSET ${limit.offset}
    )
    SELECT pg.id, pg.version, pg.status, pg."returnReason", pg.month, pg."projectId", pg.code AS "projectCode", pg.name AS "projectName", pg."parkName",
           pg."totalInvestment", cr."monthInvestment", cr."cumulativeInvestment", cr."progressText", cr.explanation,
           cr."revisionNo", (pg."approvedRevisionId" IS NOT NULL) AS "isCorrection",
           ar."cumulativeInvestment" AS "previouslyApprovedCumulative",
           u."displayName" AS "submittedBy", cr."createdAt" AS "submittedAt",
           prev.month AS "prevMonth", prev."cumulativeInvestment" AS "prevCumulative", prev."monthInvestment" AS "prevMonthInvestment",
           pl."cumulativePlanned" AS "plannedCumulative", phs.photos, cr."progressStage",
           (SELECT json_agg(json_build_object('kind', qf.kind, 'message', qf.message) ORDER BY qf.kind)
              FROM "RevisionQualityFlag" qf WHERE qf."revisionId" = pg."currentRevisionId") AS flags,
           (SELECT ev.reason FROM "ReportEvent" ev
             WHERE ev."reportId" = pg.id AND ev."revisionId" = pg."approvedRevisionId" AND ev.action = 'APPROVE'
             ORDER BY ev.id DESC LIMIT 1) AS verification
      FROM page pg
      LEFT JOIN "MonthlyReportRevision" cr ON cr.id = pg."currentRevisionId"
      LEFT JOIN "User" u ON u.id = cr."createdById"
      LEFT JOIN "MonthlyReportRevision" ar ON ar.id = pg."approvedRevisionId"
      ${figureUpToSql({ alias: "prev", basis: "approved", before: Prisma.sql`pg.month`, project: Prisma.sql`pg."projectId"` })}
      LEFT JOIN "PlannedInvestment" pl ON pl."projectId" = pg."projectId" AND pl.month = pg.month
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object('id', ph.id, 'thumbWidth', ph."thumbWidth", 'thumbHeight', ph."thumbHeight") ORDER BY rp.position) AS photos
          FROM "RevisionPhoto" rp
          JOIN "Photo" ph ON ph.id = rp."photoId"
         WHERE rp."revisionId" = pg."currentRevisionId"
      ) phs ON true
     ORDER BY ${outerOrder}`);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    status: r.status,
    returnReason: r.returnReason,
    month: r.month,
    projectCode: r.projectCode,
    projectName: r.projectName,
    parkName: r.parkName,
    totalInvestment: r.totalInvestment.toString(),
    monthInvestment: decimalText(r.monthInvestment),
    cumulativeInvestment: decimalText(r.cumulativeInvestment),
    progressText: r.progressText ?? "",
    explanation: r.explanation,
    revisionNo: r.revisionNo,
    isCorrection: r.isCorrection,
    previouslyApprovedCumulative: decimalText(r.previouslyApprovedCumulative),
    submittedBy: r.submittedBy,
    submittedAt: r.submittedAt,
    previous:
      r.prevMonth && r.prevCumulative ? { month: r.prevMonth, cumulativeInvestment: r.prevCumulative.toString(), monthInvestment: decimalText(r.prevMonthInvestment) } : null,
    plannedCumulative: decimalText(r.plannedCumulative),
    photos: r.photos ?? [],
    progressStage: r.progressStage,
    flags: r.flags ?? [],
    verification: r.status === "APPROVED" ? r.verification : null,
  }));
}

/**
 * /review: the counts (the month approved reports are counted in, then one grouped query, and for
 * 已审核 the periods' months) and one page of the queue (one query); a page past the end shows the
 * last one. The same statements whatever the number of reports.
 */
export async function getReviewQueue(prisma: Db, f: ReviewFilters = {}, page = 1, opts: { byPark?: boolean } = {}) {
  const counts = await getReviewCounts(prisma, f, opts);
  const size = REVIEW_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(counts.filtered / size));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  // approved reports: one month at a time (see ReviewCounts.approvedMonth)
  const listed = f.status === "APPROVED" && !f.month && counts.approvedMonth ? { ...f, month: counts.approvedMonth } : f;
  const items = await listReviewQueue(prisma, listed, { offset: (current - 1) * size, size });
  return { counts, items, page: current, pages, size };
}

/** The reporting list of `month` and how many of its projects are submitted or approved. */
export async function getReportingList(prisma: Db, actor: Actor, month: string) {
  const projects = await listReportingProjects(prisma, actor, month);
  const done = projects.filter((p) => p.report && (p.report.status === "SUBMITTED" || p.report.status === "APPROVED")).length;
  return { projects, done };
}
