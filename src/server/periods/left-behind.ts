// What publishing a month leaves behind, counted per group (src/domain/periods.ts
// leftBehindGroup): read by the period page and, inside the publishing transaction, by its guard.
// No "server-only" here: the publishing process of tests/helpers/publish-child.ts imports it too.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/tx";
import { LEFT_BEHIND_GROUP_SQL, type LeftBehindCounts, type LeftBehindGroup } from "@/domain/periods";

/** SQL: the month's listed projects `p` (its year's plan list, entry `e`, county park `pk`) with their report of the month, alias `r` (LEFT JOIN). */
export const LEFT_BEHIND_FROM = (month: string) => Prisma.sql`
      FROM "AnnualPlan" ap
      JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
      JOIN "Project" p ON p.id = e."projectId"
      JOIN "Park" pk ON pk.id = p."parkId"
      LEFT JOIN "MonthlyReport" r ON r."projectId" = p.id AND r.month = ${month}
     WHERE ap.year = ${Number(month.slice(0, 4))}`;

const ZERO_COUNTS: LeftBehindCounts = { submitted: 0, returned: 0, draft: 0, missing: 0, correction: 0 };

/**
 * How many of the month's listed projects stand in each left-behind group. One statement, over the
 * list's entries and the month's reports only (every entry has its project, so the project and its
 * park need not be joined to count; both are read from their indexes alone).
 */
export async function countLeftBehind(prisma: Db | Tx, month: string): Promise<LeftBehindCounts> {
  const rows = await (prisma as Db).$queryRaw<Array<{ grp: LeftBehindGroup; n: number }>>(Prisma.sql`
    SELECT x.grp, count(*)::int AS n FROM (
      SELECT ${LEFT_BEHIND_GROUP_SQL} AS grp
        FROM "AnnualPlan" ap
        JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
        LEFT JOIN "MonthlyReport" r ON r."projectId" = e."projectId" AND r.month = ${month}
       WHERE ap.year = ${Number(month.slice(0, 4))}) x
     WHERE x.grp IS NOT NULL GROUP BY x.grp`);
  const counts = { ...ZERO_COUNTS };
  for (const r of rows) counts[r.grp] = r.n;
  return counts;
}
