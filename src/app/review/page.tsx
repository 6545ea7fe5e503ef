import { renderStamp } from "@/server/render-stamp";
import type { Metadata } from "next";
import { ReviewHeading } from "@/components/monthly-reports/review-heading";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { getReviewPage, reviewFilters } from "@/server/monthly-reports/review-queries";
import { ReviewCounts, ReviewFilterForm, ReviewParkChips, ReviewQueue, ReviewStatusChips, reviewHref } from "@/components/monthly-reports/review-sections";
import { Pagination } from "@/components/common/pagination";
import type { RawSearchParams } from "@/lib/search-params";
import { resolveParkFilter } from "@/server/parks/park-filter";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "审核月度调度" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("monthlyReport.review", "/review");
  const sp = await searchParams;
  const parsed = reviewFilters(sp);
  const parkFilter = await resolveParkFilter(db(), sp);
  const filters = { ...parsed.filters, parkId: parkFilter.parkId };
  // a province's parks are searched, not counted one by one (src/server/parks/park-filter.ts)
  const queue = await getReviewPage(db(), filters, parsed.page, { byPark: parkFilter.mode === "select" });
  // the live counts' render stamp: counts rendered afresh replace what decisions on the page moved
  const stamp = renderStamp();
  const pageHref = (n: number) => reviewHref({ park: filters.parkId, month: filters.month, status: filters.status, page: n === 1 ? undefined : n });
  return (
    <div className="space-y-4">
      <ReviewHeading queue="reports" />
      <ReviewCounts queue={queue} filters={filters} stamp={stamp} />
      <ReviewStatusChips counts={queue.counts} filters={filters} stamp={stamp} />
      <ReviewParkChips counts={queue.counts} filters={filters} stamp={stamp} />
      <ReviewFilterForm counts={queue.counts} filters={filters} parkFilter={parkFilter} />
      <ReviewQueue queue={queue} filters={filters} />
      <Pagination page={queue.page} pages={queue.pages} href={pageHref} />
    </div>
  );
}
