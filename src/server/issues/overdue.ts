// The one definition of "overdue" (逾期): an issue not yet closed whose due date lies before
// today (a business date in APP_TIMEZONE). The SQL fragment and its TypeScript twin below say
// the same thing; tests/integration/rules.test.ts pins both to the same answers.
import "server-only";
import { Prisma, type IssueStatus } from "@/generated/prisma/client";
import { businessDate, dayToDate } from "@/lib/month";

/** SQL: is the issue row `alias` overdue on `today` ("YYYY-MM-DD")? */
export function overdueSql(today: string, alias = "i"): Prisma.Sql {
  const a = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`(${a}.status <> 'CLOSED' AND ${a}."dueDate" IS NOT NULL AND ${a}."dueDate" < ${today}::date)`;
}

/** TypeScript twin of overdueSql. */
export function isOverdue(issue: { status: IssueStatus; dueDate: Date | null }, today = businessDate()): boolean {
  return issue.status !== "CLOSED" && issue.dueDate !== null && issue.dueDate < dayToDate(today);
}
