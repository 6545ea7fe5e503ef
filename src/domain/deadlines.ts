// The one definition of 按期开工 / 按期投产: a project started (or went into production) on time
// when its actual month is on or before the month of the plan's deadline (开工截止日期 2024-04-30:
// a start in 2024-04 is on time, 2024-05 is late; no start yet is not on time). The SQL
// fragment and its TypeScript twin say the same thing; tests/integration/rules.test.ts pins both
// to the same answers. Pure (src/domain): the warning rules (./warnings.ts) use the TypeScript
// twin, publishing and the plan queries the SQL.
import { Prisma } from "@/generated/prisma/client";

/** The month ("YYYY-MM") of a deadline given as a date or "YYYY-MM-DD". */
export function deadlineMonth(deadline: Date | string): string {
  return (typeof deadline === "string" ? deadline : deadline.toISOString()).slice(0, 7);
}

/** SQL: is the month column `month` ("YYYY-MM", may be NULL) on or before `deadline`'s month? */
export function byDeadlineSql(month: Prisma.Sql, deadline: Date | string): Prisma.Sql {
  return Prisma.sql`(${month} IS NOT NULL AND ${month} <= ${deadlineMonth(deadline)})`;
}

/** TypeScript twin of byDeadlineSql. */
export function byDeadline(month: string | null, deadline: Date | string): boolean {
  // Stryker disable next-line ConditionalExpression: null <= "YYYY-MM" is false in JavaScript too; the check is for the reader and the type
  return month !== null && month <= deadlineMonth(deadline);
}
