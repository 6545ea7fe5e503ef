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
