// A county park's page (/parks/[id]), section by section: each loads its own figures (the
// publication leaders read, scoped to the park: src/server/figures/park.ts) and lays them out;
// nothing is calculated here.
import Link from "next/link";
import { cache } from "react";
import { db } from "@/server/db";
import type { PublicationRef } from "@/server/periods/queries";
import type { FigureRow } from "@/server/figures/queries";
import { getMonthlySeries } from "@/server/figures/queries";
import { getParkProjects, getParkStats, getParkWarnings, PARK_TOP } from "@/server/figures/park";
import { getIssueSummary, listParkIssues } from "@/server/issues/queries";
import { EmptyState, Section } from "@/components/common/badges";
import { Pagination } from "@/components/common/pagination";
import { FigureTable } from "@/components/figures/figure-table";
import { SeriesSection } from "@/components/figures/series-section";
import { WarningItems } from "@/components/figures/warning-items";
import { IssueSummaryTable } from "@/components/dashboard/issue-summary";
import { IssueList } from "@/components/issues/issue-list";
import { formatYi } from "@/lib/money";
import { formatPercent } from "@/lib/progress";
import { reportAmount } from "@/domain/report-wording";
import { allProjectsYearLabel, annualRateScope, outsideScopeNote, rateText } from "@/domain/rate-scope";
import { queryString } from "@/lib/search-params";
import { scopeHref } from "@/lib/explain-links";
import { ExplainLink } from "@/components/figures/explain-link";

/** The park's sums, once per request whichever sections ask. */
const loadParkStats = cache((pub: PublicationRef, parkId: number) => getParkStats(db(), pub, parkId));

function Stat({ label, testId, children, note }: { label: string; testId: string; children: React.ReactNode; note?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="num whitespace-nowrap text-xl font-semibold" data-testid={testId}>
        {children}
      </dd>
      {note && <dd className="num text-xs break-words text-slate-600">{note}</dd>}
    </div>
  );
}

export async function ParkStats({ pub, parkId }: { pub: PublicationRef; parkId: number }) {
  const totals = await loadParkStats(pub, parkId);
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
      <Stat
        label="项目个数"
        testId="park-count"
        note={totals.missing > 0 ? <span className="text-amber-700">其中{totals.missing}个未报，沿用其最近一次审核通过的数</span> : undefined}
      >
        <ExplainLink href={scopeHref(pub, "total", parkId)}>{totals.projectCount}个</ExplainLink>
      </Stat>
      <Stat label="总投资" testId="park-total">
        <ExplainLink href={scopeHref(pub, "total", parkId)}>{formatYi(totals.totalInvestment)}</ExplainLink>
      </Stat>
      <Stat label="年度投资完成率" testId="park-annual-rate" note={<span data-testid="park-annual-scope">{annualRateScope(totals)}</span>}>
        <ExplainLink href={scopeHref(pub, "annual-rate", parkId)}>{rateText(totals.annualRate)}</ExplainLink>
      </Stat>
      <Stat label={allProjectsYearLabel(totals)} testId="park-year-completed" note={outsideScopeNote(totals) ?? "不参与年度投资完成率计算的项目也计入此数"}>
        <ExplainLink href={scopeHref(pub, "year", parkId)}>{formatYi(totals.yearInvestment)}</ExplainLink>
      </Stat>
      <Stat
        label="开累完成率"
        testId="park-rate"
        note={
          <span data-testid="park-rate-equation">
            开工至今累计{reportAmount(totals.cumulative)} ÷ 总投资{reportAmount(totals.totalInvestment)} = {formatPercent(totals.totalRate)}
          </span>
        }
      >
        <ExplainLink href={scopeHref(pub, "total-rate", parkId)}>{formatPercent(totals.totalRate)}</ExplainLink>
      </Stat>
    </dl>
  );
}

function WarningTop({ title, level, result, more }: { title: string; level: "red" | "yellow"; result: { total: number; rows: FigureRow[] }; more: string }) {
  return (
    <div>
      <h3 className="text-sm font-medium">
        {title}
        <span className="num ml-1" data-testid={`park-${level}-count`}>
          {result.total}个
        </span>
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

export async function ParkWarnings({ pub, parkId, yearParam }: { pub: PublicationRef; parkId: number; yearParam: number | undefined }) {
  const [totals, warnings] = await Promise.all([loadParkStats(pub, parkId), getParkWarnings(db(), pub, parkId)]);
  return (
    <Section
      id="park-warnings"
      title="三色预警"
      aside={
        <>
          红色{totals.red}个，黄色{totals.yellow}个，绿色{totals.green}个
        </>
      }
    >
      {warnings.red.total + warnings.yellow.total === 0 ? (
        <EmptyState>没有红色或黄色预警的项目。</EmptyState>
      ) : (
        <div className="space-y-4">
          <WarningTop title="红色预警" level="red" result={warnings.red} more={`/projects${queryString({ year: yearParam, park: parkId, warning: "red" })}`} />
          <WarningTop title="黄色预警" level="yellow" result={warnings.yellow} more={`/projects${queryString({ year: yearParam, park: parkId, warning: "yellow" })}`} />
        </div>
      )}
      <p className="mt-2 text-xs text-slate-500">每种颜色按落后月度计划的幅度列出前{PARK_TOP}个。</p>
    </Section>
  );
}

export async function ParkProjects({ pub, parkId, page, yearParam }: { pub: PublicationRef; parkId: number; page: number; yearParam: number | undefined }) {
  const projects = await getParkProjects(db(), pub, parkId, page);
  return (
    <section aria-labelledby="park-projects-heading">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="park-projects-heading" className="text-lg font-semibold">
          项目
          <span className="ml-2 text-sm font-normal text-slate-500" data-testid="park-projects-count">
            共{projects.total}个{projects.pages > 1 && `，第${page}/${projects.pages}页`}
          </span>
        </h2>
        <Link href={`/projects${queryString({ year: yearParam, park: parkId })}`} className="no-print text-sm text-blue-700 hover:underline">
          在项目库中筛选、排序 →
        </Link>
      </div>
      {projects.rows.length === 0 ? (
        <EmptyState>{projects.total === 0 ? "本园区在该年度清单上没有项目。" : "没有这一页。"}</EmptyState>
      ) : (
        <FigureTable rows={projects.rows} testId="park-projects" showPark={false} />
      )}
      <div className="mt-3">
        <Pagination page={page} pages={projects.pages} href={(n) => `/parks/${parkId}${queryString({ year: yearParam, page: n > 1 ? n : undefined })}`} />
      </div>
    </section>
  );
}

export async function ParkTimeline({ year, pub, parkId }: { year: number; pub: PublicationRef | null; parkId: number }) {
  const series = await getMonthlySeries(db(), year, pub?.publicationId ?? null, parkId);
  return <SeriesSection id="park-timeline" title="本园区累计计划投资与已发布实际完成（亿元）" points={series} />;
}

export async function ParkIssues({ year, parkId, today }: { year: number; parkId: number; today: string }) {
  const [summary, issues] = await Promise.all([getIssueSummary(db(), { year, today, parkId }), listParkIssues(db(), parkId, year, today, PARK_TOP)]);
  return (
    <Section id="park-issues" title="问题">
      <IssueSummaryTable summary={summary} />
      <div className="mt-4">
        <IssueList issues={issues} />
        {summary.total > issues.length && (
          <Link href={`/issues${queryString({ park: parkId })}`} className="mt-2 inline-block text-sm text-blue-700 hover:underline">
            查看本园区全部{summary.total}个问题 →
          </Link>
        )}
      </div>
    </Section>
  );
}
