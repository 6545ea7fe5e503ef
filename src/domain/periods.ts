// 调度期 (monthly reporting periods): pure rules shared by the server and the pages.
import { Prisma } from "@/generated/prisma/client";
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

/** A county park's counts in the period's progress that the left-behind groups are made of. */
export type ParkGroupCounts = { submitted: number; returned: number; draft: number; missing: number; corrections: number; returnedCorrections: number };

/** One county park's left-behind groups from its progress: 更正 the returned and draft reports approved before, 退回 and 草稿 the rest of each. */
export function parkLeftBehind(p: ParkGroupCounts): LeftBehindCounts {
  return {
    submitted: p.submitted,
    returned: p.returned - p.returnedCorrections,
    draft: p.draft - (p.corrections - p.returnedCorrections),
    missing: p.missing,
    correction: p.corrections,
  };
}

/**
 * The left-behind groups' counts from the period's progress per park (the period page reads the
 * progress anyway). The same counts as countLeftBehind (src/server/periods/left-behind.ts), which
 * publishing's guard reads inside its transaction.
 */
export function leftBehindFromProgress(progress: readonly ParkGroupCounts[]): LeftBehindCounts {
  const total = { submitted: 0, returned: 0, draft: 0, missing: 0, correction: 0 };
  for (const p of progress) for (const [g, n] of Object.entries(parkLeftBehind(p)) as Array<[LeftBehindGroup, number]>) total[g] += n;
  return total;
}

/**
 * The county parks, in the list's order, that hold the rows `from` to `to` (exclusive) of a list
 * ordered park by park, given each park's count of rows, and how many rows the parks before them
 * hold: a page of such a list is read from those parks alone, at `from − skipped` within them.
 */
export function parksCovering<T extends { parkId: number }>(parks: readonly T[], count: (p: T) => number, from: number, to: number): { parkIds: number[]; skipped: number } {
  const parkIds: number[] = [];
  let seen = 0;
  let skipped = 0;
  for (const p of parks) {
    const n = count(p);
    if (n > 0 && seen + n > from && seen < to) {
      if (parkIds.length === 0) skipped = seen;
      parkIds.push(p.parkId);
    }
    seen += n;
    if (seen >= to) break;
  }
  return { parkIds, skipped };
}

/** A county park's report counts in an open period (src/server/periods/queries.ts getPeriodProgress). */
export type ParkProgressCounts = { parkId: number; projects: number; approved: number };

/** How many of a county park's listed projects are not yet approved. */
export function parkUnapproved(p: ParkProgressCounts): number {
  return p.projects - p.approved;
}

/**
 * The progress table's order: the county parks with the most projects still to approve first (the
 * ones the office chases), then in their usual order (the query's, kept for ties).
 */
export function parksMostBehindFirst<T extends ParkProgressCounts>(progress: T[]): T[] {
  // Array.prototype.sort is stable: ties keep the query's order
  return [...progress].sort((a, b) => b.projects - b.approved - (a.projects - a.approved));
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

// ---- what publishing leaves behind -------------------------------------------------------------

/**
 * Where a project of the month's list stands when the month is published, unless approved:
 * 待审核 (SUBMITTED: blocks publishing), 退回 or 草稿 without an approved revision, 未报 (no
 * report) — these three are published as 未报 — or a correction (退回 or 草稿 of a month approved
 * before), published with its approved revision.
 */
export type LeftBehindGroup = "submitted" | "returned" | "draft" | "missing" | "correction";

export const LEFT_BEHIND_GROUPS: readonly LeftBehindGroup[] = ["submitted", "returned", "draft", "missing", "correction"];

export const LEFT_BEHIND_LABEL: Record<LeftBehindGroup, string> = {
  submitted: "待审核",
  returned: "退回",
  draft: "草稿",
  missing: "未报",
  correction: "更正未提交",
};

export type LeftBehindReport = { status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED"; approvedRevisionId: number | null } | null;

/** TypeScript twin of LEFT_BEHIND_GROUP_SQL: the group of a project's report of the month (null: approved, nothing left behind). */
export function leftBehindGroup(report: LeftBehindReport): LeftBehindGroup | null {
  if (!report) return "missing";
  if (report.status === "SUBMITTED") return "submitted";
  if (report.status === "APPROVED") return null;
  if (report.approvedRevisionId !== null) return "correction";
  return report.status === "RETURNED" ? "returned" : "draft";
}

/** SQL over report alias `r` (LEFT JOINed, so r.id IS NULL when none): the group, NULL when approved. */
export const LEFT_BEHIND_GROUP_SQL = Prisma.sql`CASE
    WHEN r.id IS NULL THEN 'missing'
    WHEN r.status = 'SUBMITTED' THEN 'submitted'
    WHEN r.status = 'APPROVED' THEN NULL
    WHEN r."approvedRevisionId" IS NOT NULL THEN 'correction'
    WHEN r.status = 'RETURNED' THEN 'returned'
    ELSE 'draft' END`;

export type LeftBehindCounts = Record<LeftBehindGroup, number>;

/** Whether publishing now needs the office's explicit confirmation (something would be published as 未报 or uncorrected). */
export function needsPublishConfirmation(c: LeftBehindCounts): boolean {
  return c.returned + c.draft + c.missing + c.correction > 0;
}

/** What the office confirms when it publishes, sent back with the form: "退回,草稿,未报,更正" counts. */
export function leftBehindToken(c: LeftBehindCounts): string {
  return `${c.returned},${c.draft},${c.missing},${c.correction}`;
}

/** The confirmation in words: "将按未报处理：退回1个、草稿0个、未报7个项目" (and the corrections left, when any). */
export function leftBehindText(c: LeftBehindCounts): string {
  const corrections = c.correction > 0 ? `；另有${c.correction}个项目的更正未提交，按原审核通过的数据发布` : "";
  return `将按未报处理：退回${c.returned}个、草稿${c.draft}个、未报${c.missing}个项目${corrections}`;
}

/**
 * What a county reads about a published month before typing anything, and what the server says
 * when a write reaches one: the month's data stands as 未报 (no approved report) or is read-only.
 */
export function publishedMonthNotice(month: string, hadApproved: boolean): string {
  return hadApproved
    ? `${formatMonth(month)}已发布；本月数据只读。如需更正，请向园区申请重新开放。`
    : `${formatMonth(month)}已发布；本月数据按未报处理。如需更正，请向园区申请重新开放。`;
}

/** The office's words when a review reaches a published month. */
export function publishedMonthOfficeNotice(month: string): string {
  return `${formatMonth(month)}已发布，不能再审核。如需更正，请先在调度期页面重新开放。`;
}

/** The re-opening reason the office is offered from the month's requests is cut to this length (the field takes 500). */
export const REOPEN_REASON_DEFAULT_MAX = 500;

export const CORRECTION_STATUS_LABEL = { PENDING: "待处理", REOPENED: "已重新开放", DECLINED: "未同意" } as const;
