// The one definition of "stale" (数据未更新): a project has no counted figure for the reference
// month — the latest month any project of the plan reported. Its newest figure (if any) is
// older, or it has none. The SQL fragment and its TypeScript twin say the same thing;
// tests/integration/rules.test.ts pins both to the same answers. Pure (src/domain): the warning
// rules (./warnings.ts) use the TypeScript twin, the queries the SQL.
import { Prisma } from "@/generated/prisma/client";

/** SQL: is a project whose newest counted month is `latestMonth` (may be NULL) stale at `referenceMonth`? */
export function staleSql(latestMonth: Prisma.Sql, referenceMonth: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${latestMonth} IS NULL OR ${latestMonth} < ${referenceMonth})`;
}

/** TypeScript twin of staleSql. */
export function isStale(latestMonth: string | null, referenceMonth: string): boolean {
  return latestMonth === null || latestMonth < referenceMonth;
}
