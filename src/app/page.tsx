import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { getPlanSummary, listPlanYears } from "@/server/plans/queries";
import { listYearProjects } from "@/server/projects/queries";
import { getCompletionBreakdown, getInvestmentTimeline } from "@/server/dashboard/queries";
import { getIssueCountsByPark, getIssueSummary } from "@/server/issues/queries";
import { FigureCard } from "@/components/overview/figure-card";
import { ProjectTable } from "@/components/overview/project-table";
import { AsOf } from "@/components/common/as-of";
import { DemoBadge, Section } from "@/components/common/badges";
import { TimelineSection } from "@/components/dashboard/timeline-section";
import { BreakdownSection } from "@/components/dashboard/breakdown-section";
import { WarningList } from "@/components/dashboard/warning-list";
import { IssueSummaryTable } from "@/components/dashboard/issue-summary";
import { countGap, investmentGap, startDeadlineGap } from "@/lib/plan-gaps";
import { formatYi, percent } from "@/lib/money";
import { businessDate, dayToDate, formatDay, formatMonth } from "@/lib/month";
import { REPORT_STATUS_LABEL } from "@/lib/labels";
import { compareWithSchedule, formatPercent, rate, scheduleProgress } from "@/lib/progress";
import { warningConfig } from "@/lib/warning-config";
import { intParam, queryString, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "概览" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const sp = await searchParams;
  const prisma = db();
  const years = await listPlanYears(prisma);
  const requested = intParam(sp, "year");
  const year = requested !== undefined && years.includes(requested) ? requested : years[0];
  const plan = year === undefined ? null : await getPlanSummary(prisma, year);
  if (!plan) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-8 text-center text-slate-600">
        还没有年度重大项目计划。请管理员录入计划或导入数据。
      </div>
    );
  }
  const today = businessDate();
  const [projects, timeline, byPark, byIndustry, issues, issuesByPark] = await Promise.all([
    listYearProjects(prisma, { year: plan.year, today }),
    getInvestmentTimeline(prisma, { year: plan.year }),
    getCompletionBreakdown(prisma, plan.year, "park"),
    getCompletionBreakdown(prisma, plan.year, "industry"),
    getIssueSummary(prisma, { year: plan.year, today }),
    getIssueCountsByPark(prisma, { year: plan.year, today }),
  ]);
  const { declared, computed } = plan;
  const total = investmentGap({
    declaredTotal: declared.totalInvestment,
    computedTotal: computed.totalInvestment,
    declaredCount: declared.projectCount,
    computedCount: computed.projectCount,
  });
  const count = countGap(declared.projectCount, computed.projectCount);
  const startDeadline = formatDay(plan.startDeadline);
  const productionDeadline = formatDay(plan.productionDeadline);
  const start = startDeadlineGap({ ...computed, computedCount: computed.projectCount, deadlineText: startDeadline });
  const asOf = (
    <AsOf month={computed.latestMonth} submittedOnly={computed.submittedOnly} demo={computed.demoReports > 0} />
  );

  // annual completion against 序时进度 (share of the year elapsed at the latest reported month)
  const annualRate = rate(computed.completedThisYear, declared.annualInvestment);
  const schedule = computed.latestMonth ? scheduleProgress(computed.latestMonth) : null;
  const vsSchedule = annualRate && schedule ? compareWithSchedule(annualRate, schedule) : null;
  const counts = { red: 0, yellow: 0, green: 0, stale: 0 };
  for (const p of projects.items) {
    counts[p.warning.level]++;
    if (p.warning.stale) counts.stale++;
  }
  const config = warningConfig();
  const notStarted = computed.projectCount - computed.startedCount;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold">{plan.title}</h1>
          <p className="mt-1 text-sm text-slate-600">
            目标：{plan.targetText}（开工截止 {startDeadline}，投产截止 {productionDeadline}）
            {plan.factorGuarantees.length > 0 && <>；重点要素保障：{plan.factorGuarantees.join("、")}</>}
          </p>
          <p className="mt-1 text-sm text-slate-600" data-testid="freshness">
            {computed.latestMonth ? (
              <>
                完成投资数据截至 {formatMonth(computed.latestMonth)}
                {computed.submittedOnly > 0
                  ? `，其中${computed.submittedOnly}个项目为已提交待审核数据`
                  : `（${REPORT_STATUS_LABEL.APPROVED}）`}
                {computed.oldestLatestMonth !== computed.latestMonth && (
                  <span className="text-amber-700">；部分项目最新数据仅到 {formatMonth(computed.oldestLatestMonth!)}</span>
                )}
                {computed.reportedProjects < computed.projectCount && (
                  <span className="text-amber-700">；{computed.projectCount - computed.reportedProjects}个项目尚无月度数据</span>
                )}
                {computed.demoReports > 0 && (
                  <>
                    ；含<DemoBadge />
                  </>
                )}
                。
              </>
            ) : (
              "尚无月度调度数据。"
            )}
          </p>
        </div>
        {years.length > 1 && (
          <form method="get" className="no-print flex items-center gap-2 text-sm" aria-label="选择年度">
            <label htmlFor="year-select">年度</label>
            <select id="year-select" name="year" defaultValue={String(plan.year)} className="rounded border border-slate-300 bg-white px-2 py-1">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}年
                </option>
              ))}
            </select>
            <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white hover:bg-slate-700">
              查看
            </button>
          </form>
        )}
      </div>

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FigureCard
          testId="card-count"
          label="项目个数"
          declared={`${declared.projectCount}个`}
          computed={`${computed.projectCount}个`}
          flag={count.message}
        />
        <FigureCard
          testId="card-total"
          label="总投资"
          declared={formatYi(declared.totalInvestment)}
          computed={formatYi(computed.totalInvestment)}
          flag={total.message}
        />
        <FigureCard
          testId="card-annual"
          label="年度计划投资"
          declared={formatYi(declared.annualInvestment)}
          computed={computed.projectsWithAnnualPlan > 0 ? formatYi(computed.annualInvestment) : "未分解到项目"}
          note={
            computed.projectsWithAnnualPlan > 0 && computed.projectsWithAnnualPlan < computed.projectCount
              ? `${computed.projectsWithAnnualPlan}个项目有年度计划投资`
              : undefined
          }
        />
        <FigureCard
          testId="card-start"
          label={`${plan.startTargetLabel}（${startDeadline}前）`}
          declaredLabel="已录入项目"
          computedLabel="按期开工"
          declared={`${computed.projectCount}个`}
          computed={`${computed.startedByDeadline}个`}
          note={`已开工${computed.startedCount}个`}
          flag={start.message}
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Section id="annual-heading" title="年度投资完成与序时进度" aside={asOf}>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <div>
              <dt className="text-xs text-slate-500">年度计划投资</dt>
              <dd className="num text-lg font-semibold" data-testid="annual-planned">{formatYi(declared.annualInvestment)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">本年完成投资</dt>
              <dd className="num text-lg font-semibold" data-testid="annual-completed">{formatYi(computed.completedThisYear)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">完成率</dt>
              <dd className="num text-lg font-semibold" data-testid="annual-rate">{formatPercent(annualRate)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">序时进度</dt>
              <dd className="num text-lg font-semibold" data-testid="schedule">{formatPercent(schedule)}</dd>
            </div>
          </dl>
          {vsSchedule && (
            <p
              data-testid="vs-schedule"
              className={`mt-3 rounded px-2 py-1 text-sm ${vsSchedule.kind === "behind" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"}`}
            >
              完成率{formatPercent(annualRate)}，{vsSchedule.text}（序时进度按{formatMonth(computed.latestMonth!)}计，{formatPercent(schedule)}）
            </p>
          )}
          <p className="mt-2 text-xs text-slate-500">
            本年完成投资为各项目本年度最新累计完成额减去上年末累计（无上年数据按0计），只含平台已录入的{computed.reportedProjects}个有数据项目；
            年度计划投资为计划申报的{declared.projectCount}个项目合计。
          </p>
        </Section>

        <Section id="targets-heading" title="开工与投产目标" aside={<>开工截止{startDeadline}，投产截止{productionDeadline}</>}>
          <dl className="grid grid-cols-2 gap-3">
            <div className="rounded bg-slate-50 p-3">
              <dt className="text-xs text-slate-500">已开工（其中{startDeadline}前）</dt>
              <dd className="num text-lg font-semibold" data-testid="started">
                {computed.startedCount}个（{computed.startedByDeadline}个）
              </dd>
              <dd className="text-xs text-slate-500">
                目标：{plan.startTargetLabel}，{computed.projectCount}个已录入项目；尚未开工{notStarted}个
              </dd>
            </div>
            <div className="rounded bg-slate-50 p-3">
              <dt className="text-xs text-slate-500">已投产（其中{productionDeadline}前）</dt>
              <dd className="num text-lg font-semibold" data-testid="in-production">
                {computed.inProductionCount}个（{computed.inProductionByDeadline}个）
              </dd>
              <dd className="text-xs text-slate-500">目标：{plan.productionTargetLabel}</dd>
            </div>
          </dl>
          {start.message && <p className="mt-3 rounded bg-amber-50 px-2 py-1 text-sm text-amber-800">⚠ {start.message}</p>}
          <p className="mt-2 text-xs text-slate-500">
            <Link href={`/projects${queryString({ year: plan.year, status: "NOT_STARTED" })}`} className="text-blue-700 hover:underline">
              查看未开工项目
            </Link>
            {" · "}
            <Link href={`/projects${queryString({ year: plan.year, status: "IN_PRODUCTION" })}`} className="text-blue-700 hover:underline">
              查看已投产项目
            </Link>
          </p>
        </Section>
      </div>

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
          <Link href={`/projects${queryString({ year: plan.year, warning: "red" })}`} className="mx-1 text-blue-700 hover:underline">
            红色预警项目
          </Link>
          ·
          <Link href={`/projects${queryString({ year: plan.year, warning: "yellow" })}`} className="mx-1 text-blue-700 hover:underline">
            黄色预警项目
          </Link>
          。规则：红色——超过开工截止日期仍未开工，或累计完成投资落后本项目月度计划超过{config.redLagPoints.toString()}个百分点（按总投资计）；黄色——落后
          {config.yellowLagPoints.toString()}～{config.redLagPoints.toString()}个百分点、开工晚于截止日期、曾为红色现已追赶，或有逾期未办结问题；缺少最新月份月报的项目标“数据未更新”。
        </p>
      </Section>

      <TimelineSection id="timeline" title="累计计划投资与实际完成（按月，亿元）" points={timeline} />

      <div className="grid gap-4 lg:grid-cols-2">
        <BreakdownSection
          id="by-park"
          title="各县区园区投资完成率"
          groupLabel="县区园区"
          rows={byPark}
          href={(r) => `/parks/${r.key}${queryString({ year: plan.year })}`}
          asOf={asOf}
        />
        <BreakdownSection
          id="by-industry"
          title="各产业投资完成率"
          groupLabel="产业"
          rows={byIndustry}
          href={(r) => `/projects${queryString({ year: plan.year, industry: r.key || undefined })}`}
          asOf={asOf}
        />
      </div>

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
                    <Link href={`/parks/${r.parkId}${queryString({ year: plan.year })}#park-issues`} className="text-blue-700 hover:underline">
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

      <section aria-labelledby="projects-heading">
        <div className="mb-2 flex items-baseline justify-between gap-2">
          <h2 id="projects-heading" className="text-lg font-semibold">
            重大项目
          </h2>
          <Link href={`/projects${queryString({ year: plan.year })}`} className="no-print text-sm text-blue-700 hover:underline">
            项目库（筛选、排序）→
          </Link>
        </div>
        <ProjectTable projects={projects.items} />
        <p className="mt-2 text-xs text-slate-500">
          已录入项目累计完成固定资产投资 <span className="num font-medium" data-testid="completed-total">{formatYi(computed.completedInvestment)}</span>
          ，占已录入项目总投资的 {percent(computed.completedInvestment, computed.totalInvestment) ?? "—"}（{computed.reportedProjects}个项目有数据）。
        </p>
      </section>
    </div>
  );
}
