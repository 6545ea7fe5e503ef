// 审核月度调度's reads: the queue with each submission's differences against the newest approved
// month before it and against the plan worked out here, so the page only renders them.
import "server-only";
import type { Db } from "@/server/db/client";
import { reportDifferences, type ReportDifferences } from "@/domain/report-differences";
import { intParam, param, type RawSearchParams } from "@/lib/search-params";
import { getReviewQueue, REVIEW_STATUSES, type ReviewFilters, type ReviewItem, type ReviewStatus } from "./queries";

export type ReviewQueueItem = ReviewItem & ReportDifferences;

/** The queue's filters as the address gives them; the default status is 待审核. */
export function reviewFilters(sp: RawSearchParams): { filters: ReviewFilters & { status: ReviewStatus }; page: number } {
  const m = param(sp, "month");
  const st = param(sp, "status");
  const status: ReviewStatus = (REVIEW_STATUSES as readonly string[]).includes(st ?? "") ? (st as ReviewStatus) : "SUBMITTED";
  return { filters: { parkId: intParam(sp, "park"), month: m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m) ? m : undefined, status }, page: intParam(sp, "page") ?? 1 };
}

/** One page of the review queue, each item with 较上期已审核 and 较计划. */
export async function getReviewPage(prisma: Db, f: ReviewFilters, page: number, opts: { byPark?: boolean } = {}) {
  const queue = await getReviewQueue(prisma, f, page, opts);
  return { ...queue, items: queue.items.map((r): ReviewQueueItem => ({ ...r, ...reportDifferences(r) })) };
}
