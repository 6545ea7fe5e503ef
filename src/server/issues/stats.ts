// 办结率 and average days to close, per responsible unit and per category, for a year's issues:
// one grouped statement (GROUPING SETS) whatever the number of issues. Units only — the product
// never ranks staff persons (national rules against 指尖上的形式主义).
import "server-only";
import { Prisma, type IssueCategory } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { percent } from "@/lib/money";

export type IssueCloseRow = {
  /** the responsible unit (null: not yet handed to a unit) — or, in `byCategory`, unused */
  unit: string | null;
  category: IssueCategory | null;
  total: number;
  closed: number;
  /** 办结率 = 已办结 ÷ 全部, as shown ("66.7%"); null without issues */
  closureRate: string | null;
  /** average of (办结日期 − 提出日期) in days over the closed issues that have both dates, one decimal; null when none */
  avgDaysToClose: string | null;
  /** closed issues that have both dates (the average's base) */
  timed: number;
};

export async function getIssueCloseStats(prisma: Db, scope: { year?: number }): Promise<{ byUnit: IssueCloseRow[]; byCategory: IssueCloseRow[] }> {
  const where = scope.year === undefined ? Prisma.sql`true` : Prisma.sql`i.year = ${scope.year}`;
  const rows = await prisma.$queryRaw<Array<Omit<IssueCloseRow, "closureRate"> & { byUnit: boolean }>>(Prisma.sql`
    SELECT i."responsibleUnit" AS unit, i.category,
           GROUPING(i.category) = 1 AS "byUnit",
           count(*)::int AS total,
           count(*) FILTER (WHERE i.status = 'CLOSED')::int AS closed,
           count(*) FILTER (WHERE i.status = 'CLOSED' AND i."closedDate" IS NOT NULL AND i."raisedDate" IS NOT NULL)::int AS timed,
           round(avg(i."closedDate" - i."raisedDate") FILTER (WHERE i.status = 'CLOSED')::numeric, 1)::text AS "avgDaysToClose"
      FROM "Issue" i
     WHERE ${where}
     GROUP BY GROUPING SETS ((i."responsibleUnit"), (i.category))
     ORDER BY "byUnit" DESC, count(*) DESC, 1 NULLS LAST, 2`);
  const out = { byUnit: [] as IssueCloseRow[], byCategory: [] as IssueCloseRow[] };
  for (const { byUnit, ...r } of rows) {
    const row = { ...r, closureRate: percent(r.closed, r.total) };
    (byUnit ? out.byUnit : out.byCategory).push(row);
  }
  return out;
}
