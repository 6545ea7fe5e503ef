import "server-only";
import { Prisma } from "@/generated/prisma/client";

/** The revision whose figures count for a report: the submitted one while it awaits review, else the approved one. */
export const COUNTED_REVISION = Prisma.sql`CASE WHEN r.status = 'SUBMITTED' THEN r."currentRevisionId" ELSE r."approvedRevisionId" END`;

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

/** First and last month of a plan year. */
export function yearMonths(year: number): { first: string; last: string } {
  return { first: `${year}-01`, last: `${year}-12` };
}

/**
 * Two CTEs over a preceding `members` CTE (with an `id` column of projects), for months
 * `first`..`last`: `figs`, each member's counted figure per reported month ("projectId", month,
 * status, "isDemo", "cumulativeInvestment"), and `planned`, its planned cumulative investment
 * per month ("projectId", month, "cumulativePlanned", "isDemo").
 */
export function monthFigureCtes(first: string, last: string): Prisma.Sql {
  return Prisma.sql`figs AS (
      SELECT r."projectId", r.month, r.status, r."isDemo", rv."cumulativeInvestment"
        FROM "MonthlyReport" r
        JOIN "MonthlyReportRevision" rv ON rv.id = ${COUNTED_REVISION}
       WHERE r."projectId" IN (SELECT id FROM members) AND r.month BETWEEN ${first} AND ${last}
    ), planned AS (
      SELECT pi."projectId", pi.month, pi."cumulativePlanned", pi."isDemo"
        FROM "PlannedInvestment" pi
       WHERE pi."projectId" IN (SELECT id FROM members) AND pi.month BETWEEN ${first} AND ${last}
    )`;
}
