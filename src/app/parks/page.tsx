import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/common/breadcrumbs";
import { db } from "@/server/db";
import { resolvePlanYear } from "@/server/plans/queries";
import { getReadPublication } from "@/server/periods/queries";
import { listParkRanking } from "@/server/figures/queries";
import { YearForm } from "@/components/common/year-select";
import { EmptyState } from "@/components/common/badges";
import { Pagination } from "@/components/common/pagination";
import { PublicationNote } from "@/components/figures/publication-note";
import { ParkRankingTable } from "@/components/figures/park-ranking";
import { formatMonth } from "@/lib/month";
import { scheduleProgress } from "@/domain/schedule-progress";
import { intParam, queryString, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "县区园区" };

const PAGE_SIZE = 20;

// 县区园区通报表: every county park of the publication leaders read, lowest 年度投资完成率 first, paged in SQL.
export default async function ParksPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const sp = await searchParams;
  const prisma = db();
  const { years, year } = await resolvePlanYear(prisma, intParam(sp, "year"));
  if (year === undefined) return <EmptyState>还没有年度重大项目计划。</EmptyState>;
  const pub = await getReadPublication(prisma, year);
  let page = Math.max(1, intParam(sp, "page") ?? 1);
  let ranking = pub ? await listParkRanking(prisma, pub.publicationId, { page, size: PAGE_SIZE }) : { total: 0, rows: [] };
  const pages = Math.max(1, Math.ceil(ranking.total / PAGE_SIZE));
  if (pub && page > pages) {
    page = pages;
    ranking = await listParkRanking(prisma, pub.publicationId, { page, size: PAGE_SIZE });
  }
  const yearParam = sp.year === undefined ? undefined : year;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Breadcrumbs steps={[{ href: `/overview${queryString({ year: yearParam })}`, label: "概览" }]} here="县区园区" />
          <h1 className="mt-1 text-2xl font-semibold">县区园区投资完成情况</h1>
          <PublicationNote pub={pub} year={year} />
        </div>
        <YearForm years={years} year={year} id="parks-year" />
      </div>
      {pub && (
        <>
          <p className="text-sm text-slate-600" data-testid="parks-count">
            共{ranking.total}个县区园区{pages > 1 && `，第${page}/${pages}页`}。按年度投资完成率从低到高排列；年度投资完成率 = 本年完成投资 ÷ 年度计划投资（只计有年度计划的项目），
            {formatMonth(pub.month)}序时进度为{scheduleProgress(pub.month).toFixed(1)}%。
          </p>
          <ParkRankingTable rows={ranking.rows} month={pub.month} firstRank={(page - 1) * PAGE_SIZE + 1} testId="parks-table" />
          <Pagination page={page} pages={pages} href={(n) => `/parks${queryString({ year: yearParam, page: n > 1 ? n : undefined })}`} />
        </>
      )}
    </div>
  );
}
