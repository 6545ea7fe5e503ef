import type { Metadata } from "next";
import Link from "next/link";
import { WarningItems } from "@/components/figures/warning-items";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { getPark } from "@/server/parks/queries";
import { resolvePlanYear } from "@/server/plans/queries";
import { YearForm } from "@/components/common/year-select";
import { OverviewNodes } from "@/components/nodes/overview-nodes";
import { getParkDashboard, PARK_PROJECTS_PAGE, PARK_TOP } from "@/server/dashboard/park";
import type { FigureRow } from "@/server/figures/queries";
import { DemoBadge, EmptyState, Section } from "@/components/common/badges";
import { Pagination } from "@/components/common/pagination";
import { PublicationNote } from "@/components/figures/publication-note";
import { FigureTable } from "@/components/figures/figure-table";
import { SeriesSection } from "@/components/figures/series-section";
import { IssueSummaryTable } from "@/components/dashboard/issue-summary";
import { IssueList } from "@/components/issues/issue-list";
import { formatYi } from "@/lib/money";
import { businessDate } from "@/lib/month";
import { formatPercent, rate } from "@/lib/progress";
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

function Stat({ label, testId, children, note }: { label: string; testId: string; children: React.ReactNode; note?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="num whitespace-nowrap text-xl font-semibold" data-testid={testId}>{children}</dd>
      {note && <dd className="text-xs text-slate-500">{note}</dd>}
    </div>
  );
}

function WarningTop({ title, level, result, more }: { title: string; level: "red" | "yellow"; result: { total: number; rows: FigureRow[] }; more: string }) {
  return (
    <div>
      <h3 className="text-sm font-medium">
        {title}
        <span className="num ml-1" data-testid={`park-${level}-count`}>{result.total}个</span>
      </h3>
      {result.rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">无</p>
      ) : (
        <div className="mt-1">
          <WarningItems rows={result.rows} testId={`park-${level}-list`} />
        </div>
      )}
      {result.total > result.rows.length && (
        <Link href={more} className="mt-1 inline-block text-sm text-blue-700 hover:underline">
          查看全部{result.total}个{title} →
        </Link>
      )}
    </div>
  );
}

export default async function ParkPage({ params, searchParams }: Props) {
  const id = parkId((await params).id);
  const sp = await searchParams;
  const prisma = db();
  const park = id === null ? null : await getPark(prisma, id);
  if (!park) notFound();
  const { years, year } = await resolvePlanYear(prisma, intParam(sp, "year"));
  if (year === undefined) return <EmptyState>还没有年度重大项目计划。</EmptyState>;
  const page = Math.max(1, intParam(sp, "page") ?? 1);
  const { pub, totals, series, projects, warnings, issueSummary, issues } = await getParkDashboard(prisma, park.id, year, businessDate(), page);
  const pages = Math.max(1, Math.ceil(projects.total / PARK_PROJECTS_PAGE));
  const yearParam = sp.year === undefined ? undefined : year;
  const annualRate = totals ? rate(totals.yearInvestmentOfPlanned, totals.annualPlanned) : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">
            <Link href={`/overview${queryString({ year })}`} className="text-blue-700 hover:underline">概览</Link> /{" "}
            <Link href={`/parks${queryString({ year: yearParam })}`} className="text-blue-700 hover:underline">县区园区</Link>
          </p>
          <h1 className="mt-1 text-2xl font-semibold">
            {park.name}
            {park.isDemo && <DemoBadge />}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{park.county} · {year}年重大项目</p>
          <PublicationNote pub={pub} year={year} testId="park-freshness" />
        </div>
        <YearForm years={years} year={year} id="park-year" />
      </div>

      {totals && (
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <Stat label="项目个数" testId="park-count" note={totals.missing > 0 ? <span className="text-amber-700">其中{totals.missing}个未报，沿用其最近一次审核通过的数</span> : undefined}>
            {totals.projectCount}个
          </Stat>
          <Stat label="总投资" testId="park-total">{formatYi(totals.totalInvestment)}</Stat>
          <Stat label="本年完成投资" testId="park-year-completed">{formatYi(totals.yearInvestment)}</Stat>
          <Stat
            label="年度投资完成率"
            testId="park-annual-rate"
            note={totals.projectsWithAnnualPlan < totals.projectCount ? `按${totals.projectsWithAnnualPlan}个有年度计划的项目同口径计算` : "本年完成 ÷ 年度计划投资"}
          >
            {formatPercent(annualRate)}
          </Stat>
          <Stat label="开累完成率" testId="park-rate" note={<>开工至今累计<span className="num">{formatYi(totals.cumulative)}</span> ÷ 总投资</>}>
            {formatPercent(rate(totals.cumulative, totals.totalInvestment))}
          </Stat>
        </dl>
      )}

      {pub && (
        <Section id="park-warnings" title="三色预警" aside={<>红色{totals?.red ?? 0}个，黄色{totals?.yellow ?? 0}个，绿色{totals?.green ?? 0}个</>}>
          {warnings.red.total + warnings.yellow.total === 0 ? (
            <EmptyState>没有红色或黄色预警的项目。</EmptyState>
          ) : (
            <div className="space-y-4">
              <WarningTop title="红色预警" level="red" result={warnings.red} more={`/projects${queryString({ year: yearParam, park: park.id, warning: "red" })}`} />
              <WarningTop title="黄色预警" level="yellow" result={warnings.yellow} more={`/projects${queryString({ year: yearParam, park: park.id, warning: "yellow" })}`} />
            </div>
          )}
          <p className="mt-2 text-xs text-slate-500">每种颜色按落后月度计划的幅度列出前{PARK_TOP}个。</p>
        </Section>
      )}

      {pub && (
        <section aria-labelledby="park-projects-heading">
          <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="park-projects-heading" className="text-lg font-semibold">
              项目<span className="ml-2 text-sm font-normal text-slate-500" data-testid="park-projects-count">共{projects.total}个{pages > 1 && `，第${page}/${pages}页`}</span>
            </h2>
            <Link href={`/projects${queryString({ year: yearParam, park: park.id })}`} className="no-print text-sm text-blue-700 hover:underline">
              在项目库中筛选、排序 →
            </Link>
          </div>
          {projects.rows.length === 0 ? (
            <EmptyState>{projects.total === 0 ? "本园区在该年度清单上没有项目。" : "没有这一页。"}</EmptyState>
          ) : (
            <FigureTable rows={projects.rows} testId="park-projects" showPark={false} />
          )}
          <div className="mt-3">
            <Pagination page={page} pages={pages} href={(n) => `/parks/${park.id}${queryString({ year: yearParam, page: n > 1 ? n : undefined })}`} />
          </div>
        </section>
      )}

      <SeriesSection id="park-timeline" title="本园区累计计划投资与已发布实际完成（亿元）" points={series} />

      <OverviewNodes year={year} parkId={park.id} />

      <Section id="park-issues" title="问题">
        <IssueSummaryTable summary={issueSummary} />
        <div className="mt-4">
          <IssueList issues={issues} />
          {issueSummary.total > issues.length && (
            <Link href={`/issues${queryString({ park: park.id })}`} className="mt-2 inline-block text-sm text-blue-700 hover:underline">
              查看本园区全部{issueSummary.total}个问题 →
            </Link>
          )}
        </div>
      </Section>
    </div>
  );
}
