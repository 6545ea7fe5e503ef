// The one definition of "the counted revision": which revision of a project-month's report the
// dashboards, the project page, the previous-month check and the reporting pages count. The SQL
// fragment (COUNTED_REVISION, and the queries built on it below) and its TypeScript twin
// (countedRevisionId) say the same thing; tests/integration/rules.test.ts pins both to the same
// answers. To change which revision counts, change it here (both forms) and in that test.
import "server-only";
import { Prisma, type ReportStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";

/** SQL, over report alias `r`: the counted revision's id — the submitted one while it awaits review, else the approved one. */
export const COUNTED_REVISION = Prisma.sql`CASE WHEN r.status = 'SUBMITTED' THEN r."currentRevisionId" ELSE r."approvedRevisionId" END`;

/** TypeScript twin of COUNTED_REVISION. */
export function countedRevisionId(report: { status: ReportStatus; currentRevisionId: number | null; approvedRevisionId: number | null }): number | null {
  return report.status === "SUBMITTED" ? report.currentRevisionId : report.approvedRevisionId;
}

/**
 * The newest month before `month` with a counted figure for the project: the previous month
 * that the cumulative check (累计 = 上期累计 + 本月) and the reporting page refer to.
 */
export async function previousCountedFigure(
  prisma: Db | Prisma.TransactionClient,
  projectId: number,
  month: string,
): Promise<{ month: string; cumulativeInvestment: string; approved: boolean } | null> {
  const rows = await prisma.$queryRaw<Array<{ month: string; status: ReportStatus; cumulativeInvestment: Prisma.Decimal }>>(Prisma.sql`
    SELECT r.month, r.status, rv."cumulativeInvestment"
      FROM "MonthlyReport" r
      JOIN "MonthlyReportRevision" rv ON rv.id = ${COUNTED_REVISION}
     WHERE r."projectId" = ${projectId} AND r.month < ${month}
     ORDER BY r.month DESC
     LIMIT 1`);
  const row = rows[0];
  return row ? { month: row.month, cumulativeInvestment: row.cumulativeInvestment.toString(), approved: row.status !== "SUBMITTED" } : null;
}

/** previousCountedFigure for many projects at once (the Excel import): one query, keyed by project id. */
export async function previousCountedFigures(
  prisma: Db | Prisma.TransactionClient,
  projectIds: number[],
  month: string,
): Promise<Map<number, { month: string; cumulativeInvestment: string; progressText: string }>> {
  if (projectIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<Array<{ projectId: number; month: string; cumulativeInvestment: Prisma.Decimal; progressText: string }>>(Prisma.sql`
    SELECT DISTINCT ON (r."projectId") r."projectId", r.month, rv."cumulativeInvestment", rv."progressText"
      FROM "MonthlyReport" r
      JOIN "MonthlyReportRevision" rv ON rv.id = ${COUNTED_REVISION}
     WHERE r."projectId" = ANY(${projectIds}::int[]) AND r.month < ${month}
     ORDER BY r."projectId", r.month DESC`);
  return new Map(rows.map((r) => [r.projectId, { month: r.month, cumulativeInvestment: r.cumulativeInvestment.toString(), progressText: r.progressText }]));
}

/**
 * LEFT JOIN LATERAL giving, for project alias `p`, its newest month up to `lastMonth` (e.g. the
 * end of a plan year) with a usable figure, as `alias` (month, status, "cumulativeInvestment",
 * "monthInvestment", "isDemo"): the submitted revision while the month awaits review, otherwise
 * the approved one. Months with neither (a draft or a returned report never approved) are
 * skipped, so an older approved figure shows.
 */
export function latestReportUpTo(lastMonth: string, alias = "lr"): Prisma.Sql {
  return Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT r.month, r.status, rv."cumulativeInvestment", rv."monthInvestment", r."isDemo"
      FROM "MonthlyReport" r
      JOIN "MonthlyReportRevision" rv
        ON rv.id = ${COUNTED_REVISION}
     WHERE r."projectId" = p.id AND r.month <= ${lastMonth}
     ORDER BY r.month DESC
     LIMIT 1
  ) ${Prisma.raw(`"${alias.replace(/"/g, "")}"`)} ON true`;
}
