// The overview (驾驶舱), shared by / (leaders' landing page) and /overview (everyone, from the menu).
import { Suspense } from "react";
import { db } from "@/server/db";
import { resolvePlanYear } from "@/server/plans/queries";
import { getOverviewHeadline } from "@/server/figures/overview";
import { AnnualSection, HeadlineCards, OverviewHeader, TargetsSection } from "@/components/overview/headline";
import { OverviewNodes } from "@/components/nodes/overview-nodes";
import { FullProductionCounts } from "@/components/benefits/benefit-counts";
import { OverviewEscalations } from "@/components/overview/escalations";
import { OverviewQualityCount } from "@/components/overview/quality-count";
import { OverviewFunding } from "@/components/funding/overview-funding";
import { OverviewBreakdowns, OverviewIssues, OverviewProjects, OverviewTimeline, WarningsSection } from "@/components/overview/sections";
import { SectionSkeleton } from "@/components/common/skeleton";
import { intParam, type RawSearchParams } from "@/lib/search-params";
import { PhoneFold } from "@/components/common/phone-fold";

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
  // on a phone the headline, the escalations and the warnings come first (the escalations, short,
  // before the warnings' list); the other sections fold behind their titles below them
  // (PhoneFold); a wider screen shows every section in the page's order
  const fold = (label: string, key: string, children: React.ReactNode) => (
    <PhoneFold label={`展开：${label}`} openLabel={`收起：${label}`} testId={`fold-${key}`} className="order-2 md:order-none">
      {children}
    </PhoneFold>
  );
  return (
    <div className="flex flex-col gap-6">
      <OverviewHeader headline={headline} years={years} />
      <HeadlineCards headline={headline} />
      <div className="grid gap-4 lg:grid-cols-2">
        <AnnualSection headline={headline} />
        <PhoneFold label="展开：开工与投产目标" openLabel="收起：开工与投产目标" testId="fold-targets">
          <TargetsSection headline={headline} />
        </PhoneFold>
      </div>
      {publication && totals && (
        <>
          <div className="order-1 md:order-none">
            <Suspense fallback={<SectionSkeleton label="三色预警" />}>
              <WarningsSection year={planYear} publication={publication} counts={totals} />
            </Suspense>
          </div>
          <Suspense fallback={null}>
            <OverviewQualityCount publication={publication} />
          </Suspense>
          {fold(
            "资金到位",
            "funding",
            <Suspense fallback={<SectionSkeleton label="资金到位" />}>
              <OverviewFunding publication={publication} />
            </Suspense>,
          )}
          {fold(
            "月度投资",
            "timeline",
            <Suspense fallback={<SectionSkeleton label="月度投资" shape="chart" />}>
              <OverviewTimeline year={planYear} publication={publication} />
            </Suspense>,
          )}
          {fold(
            "投资完成率",
            "breakdowns",
            <Suspense fallback={<SectionSkeleton label="投资完成率" />}>
              <OverviewBreakdowns year={planYear} publication={publication} />
            </Suspense>,
          )}
        </>
      )}
      {fold(
        "节点与入库",
        "nodes",
        <Suspense fallback={<SectionSkeleton label="节点与入库" />}>
          <OverviewNodes year={planYear} />
        </Suspense>,
      )}
      {fold(
        "投产项目达产情况",
        "full-production",
        <Suspense fallback={<SectionSkeleton label="投产项目达产情况" />}>
          <FullProductionCounts />
        </Suspense>,
      )}
      {fold(
        "问题台账",
        "issues",
        <Suspense fallback={<SectionSkeleton label="问题台账" />}>
          <OverviewIssues year={planYear} />
        </Suspense>,
      )}
      <Suspense fallback={<SectionSkeleton label="升级督办" />}>
        <OverviewEscalations year={planYear} />
      </Suspense>
      {publication &&
        totals &&
        fold(
          "重大项目",
          "projects",
          <Suspense fallback={<SectionSkeleton label="重大项目" />}>
            <OverviewProjects year={planYear} publication={publication} projectCount={totals.projectCount} />
          </Suspense>,
        )}
    </div>
  );
}
