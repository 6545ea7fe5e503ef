// SQL twin of startedNotEntered() (src/lib/stats-entry.ts): 已开工未入库 as of a month, for the
// counts on the overview and the to-do page. tests/integration/rules.test.ts pins the two.
// No "server-only" marker: used by the tests outside Next.js as well.
import { Prisma } from "@/generated/prisma/client";
import { STATS_ENTRY_MIN_INVESTMENT } from "@/lib/stats-entry";

/** SQL: is the project row `alias` due for 入库, started in or before `month` and not entered by then? */
export function startedNotEnteredSql(month: string, alias = "p"): Prisma.Sql {
  const p = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`(${p}."totalInvestment" >= ${STATS_ENTRY_MIN_INVESTMENT}::numeric
    AND ${p}."actualStartMonth" IS NOT NULL AND ${p}."actualStartMonth" <= ${month}
    AND (${p}."statsEnteredMonth" IS NULL OR ${p}."statsEnteredMonth" > ${month}))`;
}
