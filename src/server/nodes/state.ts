// SQL twins of the node rules in src/lib/nodes.ts, for counts and lists evaluated in the
// database at read time (the state depends on today's date, passed in: tests inject the clock).
// tests/integration/rules.test.ts pins each fragment to its TypeScript twin.
// No "server-only" marker: used by the seed and the tests outside Next.js as well.
import { Prisma } from "@/generated/prisma/client";

const ident = (alias: string) => Prisma.raw(`"${alias.replace(/"/g, "")}"`);

/** SQL twin of nodeReached() for the milestone row `m` of the project row `p`. */
export function nodeReachedSql(m = "m", p = "p"): Prisma.Sql {
  const a = ident(m);
  const b = ident(p);
  return Prisma.sql`(${a}."actualDate" IS NOT NULL
    OR (${a}.kind::text = 'START' AND ${b}."actualStartMonth" IS NOT NULL)
    OR (${a}.kind::text = 'PRODUCTION' AND ${b}."actualProductionMonth" IS NOT NULL)
    OR (${a}.kind::text = 'STATS_ENTRY' AND ${b}."statsEnteredMonth" IS NOT NULL))`;
}

/** SQL twin of nodeState(): 'done' | 'due-soon' | 'overdue' | 'pending'. */
export function nodeStateSql(today: string, dueSoonDays: number, m = "m", p = "p"): Prisma.Sql {
  const a = ident(m);
  return Prisma.sql`(CASE
    WHEN ${nodeReachedSql(m, p)} THEN 'done'
    WHEN ${a}."plannedDate" IS NULL THEN 'pending'
    WHEN ${a}."plannedDate" < ${today}::date THEN 'overdue'
    WHEN ${a}."plannedDate" <= ${today}::date + ${dueSoonDays}::int THEN 'due-soon'
    ELSE 'pending' END)`;
}

/** SQL: is the node 超期 or 临期 on `today` (the to-do rows; the date test can use the plannedDate index)? */
export function nodeAttentionSql(today: string, dueSoonDays: number, m = "m", p = "p"): Prisma.Sql {
  const a = ident(m);
  return Prisma.sql`(${a}."plannedDate" IS NOT NULL AND ${a}."plannedDate" <= ${today}::date + ${dueSoonDays}::int AND NOT ${nodeReachedSql(m, p)})`;
}
