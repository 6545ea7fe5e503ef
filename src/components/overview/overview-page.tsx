// The overview (驾驶舱), shared by / (leaders' landing page) and /overview (everyone, from the menu).
import { Suspense } from "react";
import { db } from "@/server/db";
import { resolvePlanYear } from "@/server/plans/queries";
import { getOverviewHeadline } from "@/server/figures/overview";
import { AnnualSection, HeadlineCards, OverviewHeader, TargetsSection } from "@/components/overview/headline";
import { OverviewNodes } from "@/components/nodes/overview-nodes";
import { OverviewEscalations } from "@/components/overview/escalations";
import { OverviewBreakdowns, OverviewIssues, OverviewProjects, OverviewTimeline, SectionSkeleton, WarningsSection } from "@/components/overview/sections";
import { intParam, type RawSearchParams } from "@/lib/search-params";

// 概览 (驾驶舱): composes sections; every figure comes from the newest published 调度期
// through src/server/figures.
export async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const prisma = db();
  const { years, year } = await resolvePlanYear(prisma, intParam(await searchParams, "year"));
  const headline = year === undefined ? null : await getOverviewHeadline(prisma, year);
  if (!headline) {
    return <div className="rounded-lg border border-slate-200 bg-white p-8 text-center text-slate-600">还没有年度重大项目计划。请管理员录入计划或导入数据。</div>;
  }
  const { publication, totals } = headline;
  const planYear = headline.plan.year;
  return (
    <div className="space-y-6">
      <OverviewHeader headline={headline} years={years} />
      <HeadlineCards headline={headline} />
      <div className="grid gap-4 lg:grid-cols-2">
        <AnnualSection headline={headline} />
        <TargetsSection headline={headline} />
      </div>
      {publication && totals && (
        <>
          <Suspense fallback={<SectionSkeleton label="三色预警" />}>
            <WarningsSection year={planYear} publication={publication} counts={totals} />
          </Suspense>
          <Suspense fallback={<SectionSkeleton label="月度投资" />}>
            <OverviewTimeline year={planYear} publication={publication} />
          </Suspense>
          <Suspense fallback={<SectionSkeleton label="投资完成率" />}>
            <OverviewBreakdowns year={planYear} publication={publication} />
          </Suspense>
        </>
      )}
      <Suspense fallback={<SectionSkeleton label="节点与入库" />}>
        <OverviewNodes year={planYear} />
      </Suspense>
      <Suspense fallback={<SectionSkeleton label="问题台账" />}>
        <OverviewIssues year={planYear} />
      </Suspense>
      <Suspense fallback={<SectionSkeleton label="升级督办" />}>
        <OverviewEscalations year={planYear} />
      </Suspense>
      {publication && (
        <Suspense fallback={<SectionSkeleton label="重大项目" />}>
          <OverviewProjects year={planYear} publication={publication} />
        </Suspense>
      )}
    </div>
  );
}
