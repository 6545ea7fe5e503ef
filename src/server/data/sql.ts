import "server-only";
import { Prisma } from "@/generated/prisma/client";

/**
 * LEFT JOIN LATERAL giving, for project alias `p`, its newest month with a usable figure as
 * `lr` (month, status, "cumulativeInvestment", "monthInvestment"): the submitted revision when
 * the month awaits review, otherwise the newest approved revision. Months with neither (a
 * draft or a returned report never approved) are skipped, so an older approved figure shows.
 */
export const LATEST_REPORT = Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT r.month, r.status, rv."cumulativeInvestment", rv."monthInvestment"
      FROM "MonthlyReport" r
      JOIN "MonthlyReportRevision" rv
        ON rv.id = CASE WHEN r.status = 'SUBMITTED' THEN r."currentRevisionId" ELSE r."approvedRevisionId" END
     WHERE r."projectId" = p.id
     ORDER BY r.month DESC
     LIMIT 1
  ) lr ON true`;
