// The overview's data sections: each loads its own figures (through the server's data
// functions) and renders them, so the page streams them in as they are ready (<Suspense>).
import Link from "next/link";
import { db } from "@/server/db";
import { countWarnings, loadYearProjects } from "@/server/dashboard/overview";
import { getCompletionBreakdown, getInvestmentTimeline } from "@/server/dashboard/queries";
import { getIssueCountsByPark, getIssueSummary } from "@/server/issues/queries";
import { Section } from "@/components/common/badges";
import { ProjectTable } from "@/components/overview/project-table";
import { TimelineSection } from "@/components/dashboard/timeline-section";
import { BreakdownSection } from "@/components/dashboard/breakdown-section";
import { WarningList } from "@/components/dashboard/warning-list";
import { IssueSummaryTable } from "@/components/dashboard/issue-summary";
import { formatYi } from "@/lib/money";
import { businessDate, dayToDate, formatDay, formatMonth } from "@/lib/month";
import { warningConfig } from "@/lib/warning-config";
import { queryString } from "@/lib/search-params";

export async function WarningsSection({ year }: { year: number }) {
  const projects = await loadYearProjects(year);
  const counts = countWarnings(projects.items);
  const config = warningConfig();
  return (
    <Section
      id="warnings-heading"
      title="三色预警"
      aside={
        <span data-testid="warning-counts">
          截至{formatMonth(projects.referenceMonth)}：红色{counts.red}个，黄色{counts.yellow}个，绿色{counts.green}个
          {counts.stale > 0 && `，数据未更新${counts.stale}个`}
        </span>
      }
    >
      <WarningList items={projects.items} />
      <p className="mt-2 text-xs text-slate-500">
        查看
        <Link href={`/projects${queryString({ year, warning: "red" })}`} className="mx-1 text-blue-700 hover:underline">
          红色预警项目
        </Link>
        ·
        <Link href={`/projects${queryString({ year, warning: "yellow" })}`} className="mx-1 text-blue-700 hover:underline">
          黄色预警项目
        </Link>
        。规则：红色——超过开工截止日期仍未开工，或累计完成投资落后本项目月度计划超过{config.redLagPoints.toString()}个百分点（按总投资计）；黄色——落后
        {config.yellowLagPoints.toString()}～{config.redLagPoints.toString()}个百分点、开工晚于截止日期、曾为红色现已追赶，或有逾期未办结问题；缺少最新月份月报的项目标“数据未更新”。
      </p>
    </Section>
  );
}

export async function OverviewTimeline({ year }: { year: number }) {
  const points = await getInvestmentTimeline(db(), { year });
  return <TimelineSection id="timeline" title="累计计划投资与实际完成（按月，亿元）" points={points} />;
}

export async function OverviewBreakdowns({ year, asOf }: { year: number; asOf: React.ReactNode }) {
  const [byPark, byIndustry] = await Promise.all([getCompletionBreakdown(db(), year, "park"), getCompletionBreakdown(db(), year, "industry")]);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <BreakdownSection
        id="by-park"
        title="各县区园区投资完成率"
        groupLabel="县区园区"
        rows={byPark}
        href={(r) => `/parks/${r.key}${queryString({ year })}`}
        asOf={asOf}
      />
      <BreakdownSection
        id="by-industry"
        title="各产业投资完成率"
        groupLabel="产业"
        rows={byIndustry}
        href={(r) => `/projects${queryString({ year, industry: r.key || undefined })}`}
        asOf={asOf}
      />
    </div>
  );
}

export async function OverviewIssues({ year }: { year: number }) {
  const today = businessDate();
  const [issues, issuesByPark] = await Promise.all([getIssueSummary(db(), { year, today }), getIssueCountsByPark(db(), { year, today })]);
  return (
    <Section id="issues-heading" title="问题台账" aside={<>截至{formatDay(dayToDate(today))}</>}>
      <IssueSummaryTable summary={issues} />
      {issuesByPark.length > 0 && (
        <div className="mt-3">
          <h3 className="text-sm font-medium text-slate-600">按县区园区</h3>
          <ul className="mt-1 flex flex-wrap gap-2 text-sm" data-testid="issues-by-park">
            {issuesByPark.map((r) => (
              <li key={r.parkId ?? "all"} className="rounded border border-slate-200 px-2 py-1">
                {r.parkId === null ? (
                  <span>全园区共性问题</span>
                ) : (
                  <Link href={`/parks/${r.parkId}${queryString({ year })}#park-issues`} className="text-blue-700 hover:underline">
                    {r.parkName}
                  </Link>
                )}
                ：{r.total}个，未办结{r.open}个
                {r.overdue > 0 && <span className="text-red-700">，逾期{r.overdue}个</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}

export async function OverviewProjects({ year, completedTotal, completedShare, reportedProjects }: { year: number; completedTotal: string; completedShare: string | null; reportedProjects: number }) {
  const projects = await loadYearProjects(year);
  return (
    <section aria-labelledby="projects-heading">
      <div className="mb-2 flex items-baseline justify-between gap-2">
        <h2 id="projects-heading" className="text-lg font-semibold">
          重大项目
        </h2>
        <Link href={`/projects${queryString({ year })}`} className="no-print text-sm text-blue-700 hover:underline">
          项目库（筛选、排序）→
        </Link>
      </div>
      <ProjectTable projects={projects.items} />
      <p className="mt-2 text-xs text-slate-500">
        已录入项目累计完成固定资产投资 <span className="num font-medium" data-testid="completed-total">{formatYi(completedTotal)}</span>
        ，占已录入项目总投资的 {completedShare ?? "—"}（{reportedProjects}个项目有数据）。
      </p>
    </section>
  );
}

/** Placeholder while a section loads. */
export function SectionSkeleton({ label }: { label: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-500" aria-busy="true">
      正在加载{label}…
    </div>
  );
}
