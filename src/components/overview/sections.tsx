// The overview's data sections: each loads its own figures from the publication leaders read
// (src/server/figures) and renders them, so the page streams them in as they are ready
// (<Suspense>). Each list shows its top rows and links to the full, filtered list: the page's
// size does not grow with the number of projects or parks.
import Link from "next/link";
import { db } from "@/server/db";
import type { PublicationRef } from "@/server/periods/queries";
import { getMonthlySeries, listFigures } from "@/server/figures/queries";
import { getIndustryCompletion } from "@/server/figures/overview";
import { getIssueSummary } from "@/server/issues/queries";
import { EmptyState, Section } from "@/components/common/badges";
import { FigureBadges } from "@/components/figures/figure-badges";
import { PublishedAsOf } from "@/components/figures/published-as-of";
import { SeriesSection } from "@/components/figures/series-section";
import { ParkRankingTop } from "@/components/figures/park-ranking";
import { WarningItems } from "@/components/figures/warning-items";
import { IssueSummaryTable } from "@/components/dashboard/issue-summary";
import { formatYi } from "@/lib/money";
import { businessDate, dayToDate, formatDay, formatMonth } from "@/lib/month";
import { formatPercent } from "@/lib/progress";
import { reportAmount } from "@/domain/report-wording";
import { ANNUAL_RATE_RULE, annualRateEquation, rateText } from "@/domain/rate-scope";
import { warningConfig } from "@/domain/warning-config";
import { queryString } from "@/lib/search-params";
import { RowTh, TableHead } from "@/components/common/table";

/** How many rows each overview list shows before linking to the full list. */
export const OVERVIEW_TOP = 8;

export async function WarningsSection({
  year,
  publication,
  counts,
}: {
  year: number;
  publication: PublicationRef;
  counts: { red: number; yellow: number; green: number; missing: number };
}) {
  // how many need attention is in the publication's sums already (red + yellow)
  const { rows, total } = await listFigures(db(), {
    publicationId: publication.publicationId,
    warning: "attention",
    sort: "warning",
    dir: "asc",
    page: 1,
    size: OVERVIEW_TOP,
    total: counts.red + counts.yellow,
  });
  const config = warningConfig();
  return (
    <Section
      id="warnings-heading"
      title="三色预警"
      aside={
        <span data-testid="warning-counts">
          截至{formatMonth(publication.month)}：红色{counts.red}个，黄色{counts.yellow}个，绿色{counts.green}个{counts.missing > 0 && `，未报${counts.missing}个`}
        </span>
      }
    >
      {rows.length === 0 ? <EmptyState>没有需要关注的项目：全部为绿色（正常）。</EmptyState> : <WarningItems rows={rows} testId="warning-list" showPark />}
      <p className="mt-2 text-xs text-slate-500">
        {total > rows.length && (
          <>
            共{total}个项目需要关注，此处列出最严重的{rows.length}个。
          </>
        )}
        查看
        <Link href={`/projects${queryString({ year, warning: "red" })}`} className="mx-1 text-blue-700 underline underline-offset-2">
          全部红色预警
        </Link>
        ·
        <Link href={`/projects${queryString({ year, warning: "yellow" })}`} className="mx-1 text-blue-700 underline underline-offset-2">
          全部黄色预警
        </Link>
        。规则：红色——超过开工截止日期仍未开工，累计完成投资落后本项目月度计划超过{config.redLagPoints.toString()}个百分点（按总投资计），或连续
        {config.silentRedMonths}个月以上未报；黄色——落后
        {config.yellowLagPoints.toString()}～{config.redLagPoints.toString()}
        个百分点、开工晚于截止日期、曾为红色现已追赶、{config.silentYellowMonths}
        个月未报，或发布时有逾期未办结问题；未报的项目按最近一次上报的累计数结转并标“未报”，对照本月计划评估，不计未报月份的进度。
      </p>
    </Section>
  );
}

export async function OverviewTimeline({ year, publication }: { year: number; publication: PublicationRef }) {
  const points = await getMonthlySeries(db(), year, publication.publicationId);
  return (
    <SeriesSection
      id="timeline"
      title="累计计划投资与已发布完成（按月，亿元）"
      points={points}
      more={
        <Link href={`/periods${queryString({ year })}`} className="ml-1 text-blue-700 underline underline-offset-2">
          各月数据见调度期
        </Link>
      }
    />
  );
}

export async function OverviewBreakdowns({ year, publication }: { year: number; publication: PublicationRef }) {
  const { rows: industries, total: industryCount, annual: industryUsesAnnual } = await getIndustryCompletion(db(), publication.publicationId, OVERVIEW_TOP);
  return (
    <div className="grid gap-4">
      <Section id="by-park" title="县区园区排名（完成率由低到高）" aside={<PublishedAsOf publication={publication} short />}>
        <ParkRankingTop publicationId={publication.publicationId} month={publication.month} year={year} limit={5} testId="by-park-table" />
      </Section>
      <Section id="by-industry" title={`各产业${industryUsesAnnual ? "年度投资完成率" : "开累完成率"}`} aside={<PublishedAsOf publication={publication} short />}>
        {industries.length === 0 ? (
          <EmptyState>本年度清单还没有项目。</EmptyState>
        ) : (
          <>
            <table className="w-full text-sm" data-testid="by-industry-table">
              <TableHead columns={[{ label: "产业" }, { label: "项目", numeric: true }, { label: industryUsesAnnual ? "年度投资完成率" : "开累完成率", numeric: true }]} />
              <tbody className="divide-y divide-slate-100">
                {industries.map((r) => {
                  const value = r.rate;
                  return (
                    <tr key={r.key}>
                      <RowTh>
                        <Link href={`/projects${queryString({ year, industry: r.key || undefined })}`} className="text-blue-700 hover:underline">
                          {r.label}
                        </Link>
                      </RowTh>
                      <td className="num whitespace-nowrap px-2 py-1 text-right">{r.projectCount}个</td>
                      <td className="num px-2 py-1 text-right" data-col="rate">
                        <span className="inline-block h-2 rounded bg-blue-600 align-middle" style={{ width: `${Math.min(100, value?.toNumber() ?? 0) * 0.6}px` }} aria-hidden />{" "}
                        {industryUsesAnnual ? rateText(value) : formatPercent(value)}
                        <span className="block text-xs text-slate-500" data-col="equation">
                          {industryUsesAnnual
                            ? value === null
                              ? `${r.projectCount}个项目均未列年度计划投资`
                              : annualRateEquation(r)
                            : `开工至今累计${reportAmount(r.cumulative)} ÷ 总投资${reportAmount(r.totalInvestment)}`}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="mt-1 text-xs text-slate-500">
              {industryUsesAnnual ? ANNUAL_RATE_RULE : "开累完成率 = 开工至今累计完成 ÷ 总投资（清单未列各项目年度计划投资）"}
              ；按总投资由大到小列出前{industries.length}个产业，共{industryCount}个。
            </p>
          </>
        )}
      </Section>
    </div>
  );
}

export async function OverviewIssues({ year }: { year: number }) {
  const today = businessDate();
  const issues = await getIssueSummary(db(), { year, today });
  return (
    <Section id="issues-heading" title="问题台账" aside={<>截至{formatDay(dayToDate(today))}</>}>
      <IssueSummaryTable summary={issues} compact detailHref={`/issues${queryString({ year })}`} />
    </Section>
  );
}

export async function OverviewProjects({ year, publication, projectCount }: { year: number; publication: PublicationRef; projectCount: number }) {
  const { rows, total } = await listFigures(db(), { publicationId: publication.publicationId, sort: "total", dir: "desc", page: 1, size: 5, total: projectCount });
  return (
    <Section
      id="projects-heading"
      title="重大项目（按总投资）"
      aside={
        <Link href={`/projects${queryString({ year })}`} className="no-print text-sm text-blue-700 hover:underline">
          项目库：全部{total}个（筛选、排序）→
        </Link>
      }
    >
      <ul className="divide-y divide-slate-100" data-testid="project-table">
        {rows.map((p) => (
          <li key={p.projectId} className="py-2" data-testid={`project-${p.code}`}>
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/projects/${encodeURIComponent(p.code)}`} className="font-medium text-blue-700 hover:underline">
                {p.name}
              </Link>
              <FigureBadges level={p.warningLevel} missing={p.missing} figureMonth={p.figureMonth} />
            </div>
            <p className="num mt-0.5 text-sm text-slate-600">
              {p.parkName} · 总投资 <span className="whitespace-nowrap">{formatYi(p.totalInvestment)}</span> · 本年完成{" "}
              <span className="whitespace-nowrap">{formatYi(p.yearInvestment)}</span> · 开累完成率{" "}
              <span className="whitespace-nowrap">{p.totalRate === null ? "—" : `${Number(p.totalRate).toFixed(1)}%`}</span>
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
