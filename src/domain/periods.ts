// 调度期 (monthly reporting periods): pure rules shared by the server and the pages.
import { addMonths, formatMonth } from "@/lib/month";

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

export type ProgressCounts = { projects: number; approved: number; submitted: number; returned: number; draft: number; missing: number };

/** The period's report counts over every county park (the progress table's summary line). */
export function progressTotals(progress: ProgressCounts[]): ProgressCounts {
  const total = (k: keyof ProgressCounts) => progress.reduce((n, p) => n + p[k], 0);
  return { projects: total("projects"), approved: total("approved"), submitted: total("submitted"), returned: total("returned"), draft: total("draft"), missing: total("missing") };
}

/** One page of the progress table, most behind first; a page past the end shows the last. */
export function parkProgressPage<T extends ParkProgressCounts>(progress: T[], page: number, size: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(progress.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { rows: parksMostBehindFirst(progress).slice((current - 1) * size, current * size), page: current, pages };
}
