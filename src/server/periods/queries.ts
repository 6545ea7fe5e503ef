// 调度期 reads: the periods of a year, one period with its publications, the open period's
// live progress per county park, and which publication leaders read.
import "server-only";
import { Prisma, type PeriodStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";

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
export async function getPeriod(prisma: Db, month: string) {
  return prisma.reportingPeriod.findUnique({ where: { month } });
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
};

/**
 * The open period's progress: per county park, how many of the year's projects have an
 * approved, submitted, returned or draft report for the month, and how many none. One query.
 */
export async function getPeriodProgress(prisma: Db, month: string): Promise<ParkProgress[]> {
  const year = Number(month.slice(0, 4));
  return prisma.$queryRaw<ParkProgress[]>(Prisma.sql`
    SELECT pk.id AS "parkId", pk.name AS "parkName", count(*)::int AS projects,
           count(*) FILTER (WHERE r.status = 'APPROVED')::int AS approved,
           count(*) FILTER (WHERE r.status = 'SUBMITTED')::int AS submitted,
           count(*) FILTER (WHERE r.status = 'RETURNED')::int AS returned,
           count(*) FILTER (WHERE r.status = 'DRAFT')::int AS draft,
           count(*) FILTER (WHERE r.id IS NULL)::int AS missing
      FROM "AnnualPlan" ap
      JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
      JOIN "Project" p ON p.id = e."projectId"
      JOIN "Park" pk ON pk.id = p."parkId"
      LEFT JOIN "MonthlyReport" r ON r."projectId" = p.id AND r.month = ${month}
     WHERE ap.year = ${year}
     GROUP BY pk.id, pk.name, pk."sortOrder"
     ORDER BY pk."sortOrder", pk.name`);
}

export type MissingProject = { code: string; name: string; parkName: string; status: string | null; responsibleLeader: string | null };

/**
 * The year's projects without an approved report for the month (none, draft, returned or awaiting
 * review), a page at a time. A caller that already has the period's progress passes `total`
 * (unapprovedCount in src/domain/periods.ts) and saves the count query.
 */
export async function listUnapprovedProjects(
  prisma: Db,
  month: string,
  options: { parkId?: number; page: number; size: number; total?: number },
): Promise<{ total: number; rows: MissingProject[] }> {
  const year = Number(month.slice(0, 4));
  const where = Prisma.sql`ap.year = ${year} AND (r.id IS NULL OR r.status <> 'APPROVED')
    ${options.parkId !== undefined ? Prisma.sql`AND p."parkId" = ${options.parkId}` : Prisma.empty}`;
  const from = Prisma.sql`
      FROM "AnnualPlan" ap
      JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
      JOIN "Project" p ON p.id = e."projectId"
      JOIN "Park" pk ON pk.id = p."parkId"
      LEFT JOIN "MonthlyReport" r ON r."projectId" = p.id AND r.month = ${month}`;
  const [total, rows] = await Promise.all([
    options.total ?? prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`SELECT count(*)::int AS n ${from} WHERE ${where}`).then((r) => r[0]?.n ?? 0),
    prisma.$queryRaw<MissingProject[]>(Prisma.sql`
      SELECT p.code, p.name, pk.name AS "parkName", r.status::text AS status, p."responsibleLeader"
        ${from}
       WHERE ${where}
       ORDER BY pk."sortOrder", pk.name, e."sortOrder", p.code
       LIMIT ${options.size} OFFSET ${(options.page - 1) * options.size}`),
  ]);
  return { total, rows };
}
