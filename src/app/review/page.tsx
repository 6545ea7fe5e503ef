import type { Metadata } from "next";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { getReviewPage, reviewFilters } from "@/server/monthly-reports/review-queries";
import { ReviewCounts, ReviewFilterForm, ReviewParkChips, ReviewQueue, ReviewStatusChips, reviewHref } from "@/components/monthly-reports/review-sections";
import { Pagination } from "@/components/common/pagination";
import type { RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "审核月度调度" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("monthlyReport.review", "/review");
  const { filters, page } = reviewFilters(await searchParams);
  const queue = await getReviewPage(db(), filters, page);
  const pageHref = (n: number) => reviewHref({ park: filters.parkId, month: filters.month, status: filters.status, page: n === 1 ? undefined : n });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">审核月度调度</h1>
      <ReviewCounts queue={queue} filters={filters} />
      <ReviewStatusChips counts={queue.counts} filters={filters} />
      <ReviewParkChips counts={queue.counts} filters={filters} />
      <ReviewFilterForm counts={queue.counts} filters={filters} />
      <ReviewQueue queue={queue} filters={filters} />
      <Pagination page={queue.page} pages={queue.pages} href={pageHref} />
    </div>
  );
}
