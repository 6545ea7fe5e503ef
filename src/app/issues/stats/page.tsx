import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { listIssueYears } from "@/server/issues/queries";
import { getIssueCloseStats } from "@/server/issues/stats";
import { YearForm } from "@/components/common/year-select";
import { IssueCloseStatsTable } from "@/components/issues/issue-close-stats";
import { FundingGaps } from "@/components/funding/funding-gaps";
import { getFundingGaps } from "@/server/funding/queries";
import { ISSUE_CATEGORY_LABEL } from "@/lib/labels";
import { intParam, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "问题办结统计" };

// 办结率 and average days to close per responsible unit and per category, for the chosen year.
export default async function IssueStatsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("data.read", "/issues/stats");
  const prisma = db();
  const years = await listIssueYears(prisma);
  const asked = intParam(await searchParams, "year");
  const year = asked !== undefined && years.includes(asked) ? asked : years[0];
  const stats = year === undefined ? { byUnit: [], byCategory: [] } : await getIssueCloseStats(prisma, { year });
  const gaps = year === undefined ? null : await getFundingGaps(prisma, year);
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <Link href="/issues" className="text-sm text-sky-700 hover:underline">
        ← 返回问题台账
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">问题办结统计{year !== undefined && `（${year}年）`}</h1>
        {year !== undefined && <YearForm years={years} year={year} id="stats-year" label="选择年度" />}
      </div>
      <p className="text-sm text-slate-600">
        办结率 = 已办结 ÷ 问题数；平均用时 = 已办结问题从提出到办结的平均天数（办结日期 − 提出日期，缺日期的不计）。按责任单位和问题类别统计，不对个人排名。
      </p>
      <section className="rounded-lg border border-slate-200 bg-white p-2 sm:p-4">
        <h2 className="mb-2 font-medium">按责任单位</h2>
        <IssueCloseStatsTable rows={stats.byUnit} nameHeader="责任单位" name={(r) => r.unit ?? "未交办"} testId="stats-unit" />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-2 sm:p-4">
        <h2 className="mb-2 font-medium">按问题类别</h2>
        <IssueCloseStatsTable rows={stats.byCategory} nameHeader="类别" name={(r) => (r.category ? ISSUE_CATEGORY_LABEL[r.category] : "—")} testId="stats-category" />
      </section>
      {gaps && (
        <section className="rounded-lg border border-slate-200 bg-white p-2 sm:p-4" id="funding-gaps">
          <h2 className="mb-2 font-medium">资金缺口（按资金来源、县区园区）</h2>
          <FundingGaps gaps={gaps} />
        </section>
      )}
    </div>
  );
}
