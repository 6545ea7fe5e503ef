import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { getPark } from "@/server/parks/queries";
import { resolvePlanYear } from "@/server/plans/queries";
import { YearForm } from "@/components/common/year-select";
import { getParkDashboard } from "@/server/dashboard/park";
import { DemoBadge, EmptyState, Section } from "@/components/common/badges";
import { AsOf } from "@/components/common/as-of";
import { ProjectTable } from "@/components/overview/project-table";
import { TimelineSection } from "@/components/dashboard/timeline-section";
import { WarningList } from "@/components/dashboard/warning-list";
import { IssueSummaryTable } from "@/components/dashboard/issue-summary";
import { IssueList } from "@/components/dashboard/issue-list";
import { formatYi } from "@/lib/money";
import { businessDate, formatMonth } from "@/lib/month";
import { intParam, queryString, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

function parkId(id: string): number | null {
  return /^[0-9]{1,9}$/.test(id) ? Number(id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parkId((await params).id);
  const park = id === null ? null : await getPark(db(), id);
  return { title: park ? park.name : "园区不存在" };
}

export default async function ParkPage({ params, searchParams }: Props) {
  const id = parkId((await params).id);
  const sp = await searchParams;
  const prisma = db();
  const park = id === null ? null : await getPark(prisma, id);
  if (!park) notFound();
  const { years, year } = await resolvePlanYear(prisma, intParam(sp, "year"));
  if (year === undefined) return <EmptyState>还没有年度重大项目计划。</EmptyState>;
  const today = businessDate();
  const { projects, timeline, totals, completionRate, latestMonth: latest, submittedOnly: submitted, demo, issueSummary, issues } =
    await getParkDashboard(prisma, park.id, year, today);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">
            <Link href={`/${queryString({ year })}`} className="text-blue-700 hover:underline">概览</Link> / 县区园区
          </p>
          <h1 className="mt-1 text-2xl font-semibold">
            {park.name}
            {park.isDemo && <DemoBadge />}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {park.county} · {year}年重大项目 · <AsOf month={latest} submittedOnly={submitted} demo={demo} testId="park-freshness" />
          </p>
        </div>
        <YearForm years={years} year={year} id="park-year" />
      </div>

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">项目个数</dt>
          <dd className="num text-xl font-semibold" data-testid="park-count">{totals?.projectCount ?? 0}个</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">总投资</dt>
          <dd className="num text-xl font-semibold" data-testid="park-total">{formatYi(totals?.totalInvestment ?? "0")}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">累计完成投资</dt>
          <dd className="num text-xl font-semibold" data-testid="park-completed">{formatYi(totals?.completed ?? "0")}</dd>
          {latest && <dd className="text-xs text-slate-500">截至{formatMonth(latest)}</dd>}
          {totals && totals.staleProjects > 0 && (
            <dd className="text-xs text-amber-700">{totals.staleProjects}个项目数据未更新，按其最新月份计</dd>
          )}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">完成率（占总投资）</dt>
          <dd className="num text-xl font-semibold" data-testid="park-rate">{completionRate}</dd>
        </div>
      </dl>

      <Section id="park-warnings" title="三色预警" aside={<>截至{formatMonth(projects.referenceMonth)}</>}>
        <WarningList items={projects.items} />
      </Section>

      <section aria-labelledby="park-projects-heading">
        <div className="mb-2 flex items-baseline justify-between gap-2">
          <h2 id="park-projects-heading" className="text-lg font-semibold">项目</h2>
          <Link href={`/projects${queryString({ year, park: park.id })}`} className="no-print text-sm text-blue-700 hover:underline">
            在项目库中筛选 →
          </Link>
        </div>
        <ProjectTable projects={projects.items} />
      </section>

      <TimelineSection id="park-timeline" title="本园区累计计划投资与实际完成（亿元）" points={timeline} />

      <Section id="park-issues" title="问题">
        <IssueSummaryTable summary={issueSummary} />
        <div className="mt-4">
          <IssueList issues={issues} />
        </div>
      </Section>
    </div>
  );
}
