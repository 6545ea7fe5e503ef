// The overview's top: title, target and freshness, the four plan-versus-platform cards, the
// year's completion against 序时进度 and the start/production targets. Figures come computed from
// getOverviewHeadline (src/server/dashboard/overview.ts); nothing is calculated here.
import Link from "next/link";
import type { OverviewHeadline } from "@/server/dashboard/overview";
import { FigureCard } from "@/components/overview/figure-card";
import { AsOf } from "@/components/common/as-of";
import { DemoBadge, Section } from "@/components/common/badges";
import { YearForm } from "@/components/common/year-select";
import { formatYi } from "@/lib/money";
import { formatMonth } from "@/lib/month";
import { REPORT_STATUS_LABEL } from "@/lib/labels";
import { queryString } from "@/lib/search-params";

export function OverviewAsOf({ headline }: { headline: OverviewHeadline }) {
  const { computed } = headline.plan;
  return <AsOf month={computed.latestMonth} submittedOnly={computed.submittedOnly} demo={computed.demoReports > 0} />;
}

export function OverviewHeader({ headline, years }: { headline: OverviewHeadline; years: number[] }) {
  const { plan, startDeadline, productionDeadline } = headline;
  const { computed } = plan;
  return (
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
      <YearForm years={years} year={plan.year} id="year-select" label="选择年度" />
    </div>
  );
}

export function HeadlineCards({ headline }: { headline: OverviewHeadline }) {
  const { plan, flags, startDeadline } = headline;
  const { declared, computed } = plan;
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <FigureCard testId="card-count" label="项目个数" declared={`${declared.projectCount}个`} computed={`${computed.projectCount}个`} flag={flags.count} />
      <FigureCard
        testId="card-total"
        label="总投资"
        declared={formatYi(declared.totalInvestment)}
        computed={formatYi(computed.totalInvestment)}
        flag={flags.total}
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
        flag={flags.start}
      />
    </div>
  );
}

export function AnnualSection({ headline }: { headline: OverviewHeadline }) {
  const { annual, plan } = headline;
  return (
    <Section id="annual-heading" title="年度投资完成与序时进度" aside={<OverviewAsOf headline={headline} />}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">年度计划投资</dt>
          <dd className="num text-lg font-semibold" data-testid="annual-planned">{formatYi(annual.planned)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">本年完成投资</dt>
          <dd className="num text-lg font-semibold" data-testid="annual-completed">{formatYi(annual.completed)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">完成率</dt>
          <dd className="num text-lg font-semibold" data-testid="annual-rate">{annual.rate}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">序时进度</dt>
          <dd className="num text-lg font-semibold" data-testid="schedule">{annual.schedule}</dd>
        </div>
      </dl>
      {annual.vsSchedule && (
        <p
          data-testid="vs-schedule"
          className={`mt-3 rounded px-2 py-1 text-sm ${annual.vsSchedule.kind === "behind" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"}`}
        >
          完成率{annual.rate}，{annual.vsSchedule.text}（序时进度按{formatMonth(annual.scheduleMonth!)}计，{annual.schedule}）
        </p>
      )}
      <p className="mt-2 text-xs text-slate-500">
        本年完成投资为各项目本年度最新累计完成额减去上年末累计（无上年数据按0计），只含平台已录入的{plan.computed.reportedProjects}个有数据项目；
        年度计划投资为计划申报的{plan.declared.projectCount}个项目合计。
      </p>
    </Section>
  );
}

export function TargetsSection({ headline }: { headline: OverviewHeadline }) {
  const { plan, startDeadline, productionDeadline, flags, notStarted } = headline;
  const { computed } = plan;
  return (
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
      {flags.start && <p className="mt-3 rounded bg-amber-50 px-2 py-1 text-sm text-amber-800">⚠ {flags.start}</p>}
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
  );
}
