// The one definition of "overdue" (逾期): an issue not yet closed whose due date lies before
// today (a business date in APP_TIMEZONE); and of "escalated" (已升级督办): overdue by MORE than
// ISSUE_ESCALATION_DAYS days (below), flagged to its 包保领导. Both are evaluated at read time
// from the due date and `today`, so tests inject the clock. The SQL fragments and their
// TypeScript twins below say the same thing; tests/integration/rules.test.ts pins both.
// The 督办 loop itself (which step follows which status) is src/domain/issue-loop.ts.
import { Prisma, type IssueStatus } from "@/generated/prisma/client";
import { businessDate, dayToDate } from "@/lib/month";

/** Default of ISSUE_ESCALATION_DAYS: an issue overdue by more than this many days escalates one level. */
export const DEFAULT_ISSUE_ESCALATION_DAYS = 7;

/** The days overdue after which an issue escalates to its 包保领导 (ISSUE_ESCALATION_DAYS, whole days ≥ 0). */
export function issueEscalationDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ISSUE_ESCALATION_DAYS?.trim();
  if (raw === undefined || raw === "") return DEFAULT_ISSUE_ESCALATION_DAYS;
  if (!/^[0-9]{1,4}$/.test(raw)) throw new Error(`ISSUE_ESCALATION_DAYS 必须是不小于0的整数（天），而不是「${env.ISSUE_ESCALATION_DAYS}」`);
  return Number(raw);
}

const quoted = (alias: string) => Prisma.raw(`"${alias.replace(/"/g, "")}"`);

/** SQL: is the issue row `alias` overdue on `today` ("YYYY-MM-DD")? */
export function overdueSql(today: string, alias = "i"): Prisma.Sql {
  const a = quoted(alias);
  return Prisma.sql`(${a}.status <> 'CLOSED' AND ${a}."dueDate" IS NOT NULL AND ${a}."dueDate" < ${today}::date)`;
}

/** TypeScript twin of overdueSql. */
export function isOverdue(issue: { status: IssueStatus; dueDate: Date | null }, today = businessDate()): boolean {
  return issue.status !== "CLOSED" && issue.dueDate !== null && issue.dueDate < dayToDate(today);
}

/** SQL: is the issue row `alias` overdue by more than `days` days on `today`? */
export function escalatedSql(today: string, days = issueEscalationDays(), alias = "i"): Prisma.Sql {
  const a = quoted(alias);
  return Prisma.sql`(${a}.status <> 'CLOSED' AND ${a}."dueDate" IS NOT NULL AND ${a}."dueDate" < ${today}::date - ${days}::int)`;
}

/** TypeScript twin of escalatedSql. */
export function isEscalated(issue: { status: IssueStatus; dueDate: Date | null }, today = businessDate(), days = issueEscalationDays()): boolean {
  if (issue.status === "CLOSED" || issue.dueDate === null) return false;
  const limit = dayToDate(today);
  limit.setUTCDate(limit.getUTCDate() - days);
  return issue.dueDate < limit;
}
