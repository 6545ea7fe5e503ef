// 调度期 (monthly reporting periods): pure rules shared by the server and the pages.
import { addMonths, formatMonth } from "./month";

export type PeriodStatusName = "OPEN" | "PUBLISHED";

export const PERIOD_STATUS_LABEL: Record<PeriodStatusName, string> = { OPEN: "填报中", PUBLISHED: "已发布" };

/** Day of the next month by which counties report a month (REPORT_DEADLINE_DAY, default 5). */
export function deadlineDay(env: Record<string, string | undefined> = process.env): number {
  const raw = env.REPORT_DEADLINE_DAY?.trim();
  if (!raw) return 5;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 28) throw new Error(`REPORT_DEADLINE_DAY 必须是 1 到 28 之间的整数，而不是「${raw}」`);
  return n;
}

/** The default deadline of a month's period: the configured day of the following month, "YYYY-MM-DD". */
export function defaultDeadline(month: string, day = deadlineDay()): string {
  return `${addMonths(month, 1)}-${String(day).padStart(2, "0")}`;
}

/** "2024年11月调度" */
export function periodTitle(month: string): string {
  return `${formatMonth(month)}调度`;
}

/** Whether the counties' deadline has passed on business date `today` ("YYYY-MM-DD"). */
export function isPastDeadline(deadline: string, today: string): boolean {
  return today > deadline;
}

/** A county park's report counts in an open period (src/server/periods/queries.ts getPeriodProgress). */
export type ParkProgressCounts = { parkId: number; projects: number; approved: number };

/** How many of the period's projects are not yet approved: in one county park, or in all. */
export function unapprovedCount(progress: ParkProgressCounts[], parkId?: number): number {
  return progress.filter((p) => parkId === undefined || p.parkId === parkId).reduce((n, p) => n + p.projects - p.approved, 0);
}

/**
 * The progress table's order: the county parks with the most projects still to approve first (the
 * ones the office chases), then in their usual order (the query's, kept for ties).
 */
export function parksMostBehindFirst<T extends ParkProgressCounts>(progress: T[]): T[] {
  return progress
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.projects - b.p.approved - (a.p.projects - a.p.approved) || a.i - b.i)
    .map(({ p }) => p);
}
