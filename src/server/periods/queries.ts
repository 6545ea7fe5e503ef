// 调度期 reads: the periods of a year, one period with its publications, the open period's
// live progress per county park, and which publication leaders read.
import "server-only";
import { Prisma, type PeriodStatus, type ReportingPeriod } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import {
  LEFT_BEHIND_GROUPS,
  LEFT_BEHIND_GROUP_SQL,
  leftBehindFromProgress,
  parkLeftBehind,
  parkUnapproved,
  parksCovering,
  type LeftBehindCounts,
  type LeftBehindGroup,
} from "@/domain/periods";
import { LEFT_BEHIND_FROM, countLeftBehind } from "./left-behind";

export type PublicationRef = {
  publicationId: number;
  publicationNo: number;
  month: string;
  publishedAt: Date;
  publishedBy: string | null;
  reopenReason: string | null;
  /** the period was re-opened after this publication and is being corrected */
  periodReopened: boolean;
  isDemo: boolean;
};

/**
 * The publication leaders read for `year`: the current publication of the newest published
 * month of the year (or of `month`, when given and published). Null before any publication.
 */
export async function getReadPublication(prisma: Db, year: number, month?: string): Promise<PublicationRef | null> {
  const rows = await prisma.$queryRaw<PublicationRef[]>(Prisma.sql`
    SELECT pub.id AS "publicationId", pub."publicationNo", rp.month, pub."publishedAt", u."displayName" AS "publishedBy",
           pub."reopenReason", (rp.status = 'OPEN') AS "periodReopened", rp."isDemo"
      FROM "ReportingPeriod" rp
      JOIN "PeriodPublication" pub ON pub.id = rp."currentPublicationId"
      LEFT JOIN "User" u ON u.id = pub."publishedById"
     WHERE rp.month BETWEEN ${`${year}-01`} AND ${`${year}-12`}
       ${month ? Prisma.sql`AND rp.month = ${month}` : Prisma.empty}
     ORDER BY rp.month DESC
     LIMIT 1`);
  return rows[0] ?? null;
}

/** One specific publication (an earlier one stays readable). */
export async function getPublication(prisma: Db, month: string, publicationNo: number): Promise<PublicationRef | null> {
  const rows = await prisma.$queryRaw<PublicationRef[]>(Prisma.sql`
    SELECT pub.id AS "publicationId", pub."publicationNo", rp.month, pub."publishedAt", u."displayName" AS "publishedBy",
           pub."reopenReason", (rp."currentPublicationId" <> pub.id OR rp.status = 'OPEN') AS "periodReopened", rp."isDemo"
      FROM "ReportingPeriod" rp
      JOIN "PeriodPublication" pub ON pub."periodId" = rp.id
      LEFT JOIN "User" u ON u.id = pub."publishedById"
     WHERE rp.month = ${month} AND pub."publicationNo" = ${publicationNo}`);
  return rows[0] ?? null;
}

export type PeriodRow = {
  id: number;
  month: string;
  deadline: Date;
  status: PeriodStatus;
  version: number;
  reopenReason: string | null;
  reopenedAt: Date | null;
  isDemo: boolean;
  publications: number;
  lastPublishedAt: Date | null;
  /** sums of the current publication (null before the first): 开工至今累计, 本年完成, 未报 */
  cumulative: string | null;
  yearInvestment: string | null;
  missing: number | null;
};

/** The periods of a year, newest first (at most twelve rows). */
export async function listPeriods(prisma: Db, year: number): Promise<PeriodRow[]> {
  return prisma.$queryRaw<PeriodRow[]>(Prisma.sql`
    SELECT rp.id, rp.month, rp.deadline, rp.status, rp.version, rp."reopenReason", rp."reopenedAt", rp."isDemo",
           (SELECT count(*)::int FROM "PeriodPublication" p WHERE p."periodId" = rp.id) AS publications,
           (SELECT max(p."publishedAt") FROM "PeriodPublication" p WHERE p."periodId" = rp.id) AS "lastPublishedAt",
           t.cumulative::text AS cumulative, t."yearInvestment"::text AS "yearInvestment", t.missing
      FROM "ReportingPeriod" rp
      LEFT JOIN LATERAL (
        SELECT sum(x.cumulative) AS cumulative, sum(x."yearInvestment") AS "yearInvestment", sum(x.missing)::int AS missing
          FROM "PublicationParkTotal" x WHERE x."publicationId" = rp."currentPublicationId"
      ) t ON rp."currentPublicationId" IS NOT NULL
     WHERE rp.month BETWEEN ${`${year}-01`} AND ${`${year}-12`}
     ORDER BY rp.month DESC`);
}

/** One month's period, or null when nobody has opened or reported it yet. */
export async function getPeriod(prisma: Db, month: string): Promise<ReportingPeriod | null> {
  // SQL: every report form reads it (a plan compiled per ORM call under Prisma 6, docs/benchmark.md)
  const rows = await prisma.$queryRaw<ReportingPeriod[]>(Prisma.sql`SELECT * FROM "ReportingPeriod" WHERE month = ${month}`);
  return rows[0] ?? null;
}

export type ParkProgress = {
  parkId: number;
  parkName: string;
  projects: number;
  approved: number;
  submitted: number;
  returned: number;
  draft: number;
  missing: number;
  /** of the returned and draft ones, those approved before (a correction under way), and of those the returned ones */
  corrections: number;
  returnedCorrections: number;
};

/**
 * The open period's progress: per county park, how many of the year's projects have an
 * approved, submitted, returned or draft report for the month, and how many none. One query.
 */
export async function getPeriodProgress(prisma: Db, month: string): Promise<ParkProgress[]> {
  const year = Number(month.slice(0, 4));
  // counted per park id first, the park's name joined to the thousand counts after (not to every project)
  return prisma.$queryRaw<ParkProgress[]>(Prisma.sql`
    SELECT pk.id AS "parkId", pk.name AS "parkName", c.projects, c.approved, c.submitted, c.returned, c.draft, c.missing,
           c.corrections, c."returnedCorrections"
      FROM (
        SELECT p."parkId", count(*)::int AS projects,
               count(*) FILTER (WHERE r.status = 'APPROVED')::int AS approved,
               count(*) FILTER (WHERE r.status = 'SUBMITTED')::int AS submitted,
               count(*) FILTER (WHERE r.status = 'RETURNED')::int AS returned,
               count(*) FILTER (WHERE r.status = 'DRAFT')::int AS draft,
               count(*) FILTER (WHERE r.id IS NULL)::int AS missing,
               count(*) FILTER (WHERE r.status IN ('RETURNED', 'DRAFT') AND r."approvedRevisionId" IS NOT NULL)::int AS corrections,
               count(*) FILTER (WHERE r.status = 'RETURNED' AND r."approvedRevisionId" IS NOT NULL)::int AS "returnedCorrections"
          FROM "AnnualPlan" ap
          JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
          JOIN "Project" p ON p.id = e."projectId"
          LEFT JOIN "MonthlyReport" r ON r."projectId" = e."projectId" AND r.month = ${month}
         WHERE ap.year = ${year}
         GROUP BY p."parkId"
      ) c
      JOIN "Park" pk ON pk.id = c."parkId"
     ORDER BY pk."sortOrder", pk.name`);
}

export type MissingProject = { code: string; name: string; parkName: string; status: string | null; responsibleLeader: string | null };

/**
 * The year's projects without an approved report for the month (none, draft, returned or awaiting
 * review), a page at a time, in the list's order (county park, then the list's own order). A caller
 * that has the period's progress passes it: the total comes from it, and the page is read from the
 * few county parks that hold it (parksCovering) instead of the whole list — at national size the
 * list is 40,000 projects and a page 20.
 */
export async function listUnapprovedProjects(
  prisma: Db,
  month: string,
  options: { parkId?: number; group?: LeftBehindGroup; page: number; size: number; progress?: readonly ParkProgress[] },
): Promise<{ total: number; rows: MissingProject[] }> {
  const year = Number(month.slice(0, 4));
  const offset = (options.page - 1) * options.size;
  let total: number | undefined;
  let within = Prisma.empty;
  let skipped = 0;
  if (options.progress) {
    const group = options.group;
    const count = (p: ParkProgress) => (group ? parkLeftBehind(p)[group] : parkUnapproved(p));
    const scope = options.progress.filter((p) => options.parkId === undefined || p.parkId === options.parkId);
    total = scope.reduce((n, p) => n + count(p), 0);
    const covering = parksCovering(scope, count, offset, offset + options.size);
    if (covering.parkIds.length === 0) return { total, rows: [] };
    within = Prisma.sql`AND p."parkId" = ANY(${covering.parkIds}::int[])`;
    skipped = covering.skipped;
  }
  const where = Prisma.sql`ap.year = ${year} AND (r.id IS NULL OR r.status <> 'APPROVED')
    ${options.parkId !== undefined ? Prisma.sql`AND p."parkId" = ${options.parkId}` : Prisma.empty}
    ${options.group !== undefined ? Prisma.sql`AND ${LEFT_BEHIND_GROUP_SQL} = ${options.group}` : Prisma.empty} ${within}`;
  const from = Prisma.sql`
      FROM "AnnualPlan" ap
      JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
      JOIN "Project" p ON p.id = e."projectId"
      JOIN "Park" pk ON pk.id = p."parkId"
      LEFT JOIN "MonthlyReport" r ON r."projectId" = p.id AND r.month = ${month}`;
  const [n, rows] = await Promise.all([
    total ?? prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`SELECT count(*)::int AS n ${from} WHERE ${where}`).then((r) => r[0]?.n ?? 0),
    prisma.$queryRaw<MissingProject[]>(Prisma.sql`
      SELECT p.code, p.name, pk.name AS "parkName", r.status::text AS status, p."responsibleLeader"
        ${from}
       WHERE ${where}
       ORDER BY pk."sortOrder", pk.name, e."sortOrder", p.code
       LIMIT ${options.size} OFFSET ${offset - skipped}`),
  ]);
  return { total: n, rows };
}

// ---- what publishing leaves behind -------------------------------------------------------------

export type LeftBehindRow = { group: LeftBehindGroup; code: string; name: string; parkName: string; returnReason: string | null };

/**
 * The publish block's lists: every group's count, and its first `perGroup` projects named (name,
 * code, county park), in the list's order. One statement for the rows, one for the counts (none
 * when they are given).
 */
export async function getLeftBehind(
  prisma: Db,
  month: string,
  perGroup: number,
  /**
   * the period's progress when the caller reads it anyway (the period page): the counts come from
   * it, and each group's first names are read from the few county parks that hold them
   */
  progress?: Promise<readonly ParkProgress[]>,
): Promise<{ counts: LeftBehindCounts; rows: Record<LeftBehindGroup, LeftBehindRow[]> }> {
  const byGroup = Object.fromEntries(LEFT_BEHIND_GROUPS.map((g) => [g, [] as LeftBehindRow[]])) as Record<LeftBehindGroup, LeftBehindRow[]>;
  const known = progress ? await progress : null;
  const parks = known ? [...new Set(LEFT_BEHIND_GROUPS.flatMap((g) => parksCovering(known, (p) => parkLeftBehind(p)[g], 0, perGroup).parkIds))] : null;
  if (known && parks!.length === 0) return { counts: leftBehindFromProgress(known), rows: byGroup };
  const [counts, rows] = await Promise.all([
    known ? leftBehindFromProgress(known) : countLeftBehind(prisma, month),
    prisma.$queryRaw<LeftBehindRow[]>(Prisma.sql`
      SELECT x."group", x.code, x.name, x."parkName", x."returnReason" FROM (
        SELECT ${LEFT_BEHIND_GROUP_SQL} AS "group", p.code, p.name, pk.name AS "parkName", r."returnReason",
               row_number() OVER (PARTITION BY ${LEFT_BEHIND_GROUP_SQL} ORDER BY pk."sortOrder", pk.name, e."sortOrder", p.code) AS n,
               pk."sortOrder" AS ps, pk.name AS pn, e."sortOrder" AS es
          ${LEFT_BEHIND_FROM(month)}
          ${parks ? Prisma.sql`AND p."parkId" = ANY(${parks}::int[])` : Prisma.empty}
      ) x
      WHERE x."group" IS NOT NULL AND x.n <= ${perGroup}
      ORDER BY x.ps, x.pn, x.es, x.code`),
  ]);
  for (const r of rows) byGroup[r.group].push(r);
  return { counts, rows: byGroup };
}

// ---- 申请更正 -----------------------------------------------------------------------------------

export type CorrectionRow = {
  id: number;
  version: number;
  month: string;
  code: string;
  name: string;
  parkName: string;
  reason: string;
  status: "PENDING" | "REOPENED" | "DECLINED";
  reply: string | null;
  requestedBy: string;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** the month's period now: PUBLISHED, or OPEN after re-opening */
  periodStatus: PeriodStatus;
};

const CORRECTION_SELECT = Prisma.sql`
    SELECT c.id, c.version, rp.month, p.code, p.name, pk.name AS "parkName", c.reason, c.status::text AS status, c.reply,
           u."displayName" AS "requestedBy", c."createdAt", d."displayName" AS "decidedBy", c."decidedAt", rp.status AS "periodStatus"
      FROM "CorrectionRequest" c
      JOIN "ReportingPeriod" rp ON rp.id = c."periodId"
      JOIN "Project" p ON p.id = c."projectId"
      JOIN "Park" pk ON pk.id = p."parkId"
      JOIN "User" u ON u.id = c."requestedById"
      LEFT JOIN "User" d ON d.id = c."decidedById"`;

/** The requests still waiting for the office, oldest first (of one month when given), a bounded list with its total. */
export async function listPendingCorrections(prisma: Db, options: { month?: string; limit: number }): Promise<{ total: number; rows: CorrectionRow[] }> {
  const where = Prisma.sql`c.status = 'PENDING' ${options.month ? Prisma.sql`AND rp.month = ${options.month}` : Prisma.empty}`;
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`SELECT count(*)::int AS n FROM "CorrectionRequest" c JOIN "ReportingPeriod" rp ON rp.id = c."periodId" WHERE ${where}`),
    prisma.$queryRaw<CorrectionRow[]>(Prisma.sql`${CORRECTION_SELECT} WHERE ${where} ORDER BY c."createdAt", c.id LIMIT ${options.limit}`),
  ]);
  return { total: count[0]?.n ?? 0, rows };
}

/** One project-month's requests, newest first (the form shows them with the office's replies). */
export async function listProjectCorrections(prisma: Db, projectId: number, month: string): Promise<CorrectionRow[]> {
  return prisma.$queryRaw<CorrectionRow[]>(
    Prisma.sql`${CORRECTION_SELECT} WHERE c."projectId" = ${projectId} AND rp.month = ${month} ORDER BY c."createdAt" DESC, c.id DESC LIMIT 20`,
  );
}
