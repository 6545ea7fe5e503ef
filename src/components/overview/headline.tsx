// The overview's top: title, target and freshness, the plan-versus-platform cards, the year's
// completion against 序时进度 and the start/production targets. Figures come computed from
// getOverviewHeadline (src/server/figures/overview.ts); nothing is calculated here.
import Link from "next/link";
import type { OverviewHeadline } from "@/server/figures/overview";
import { FigureCard } from "@/components/overview/figure-card";
import { PublishedAsOf } from "@/components/figures/published-as-of";
import { Section } from "@/components/common/badges";
import { YearForm } from "@/components/common/year-select";
import { formatYi } from "@/lib/money";
import { reportAmount } from "@/domain/report-wording";
import { ANNUAL_RATE_RULE, rateText } from "@/domain/rate-scope";
import { formatMonth } from "@/lib/month";
import { formatPercent } from "@/lib/progress";
import { queryString } from "@/lib/search-params";
import { scopeHref } from "@/lib/explain-links";
import { ExplainLink } from "@/components/figures/explain-link";

export function OverviewHeader({ headline, years }: { headline: OverviewHeadline; years: number[] }) {
  const { plan, startDeadline, productionDeadline, publication, totals } = headline;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold">{plan.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          目标：{plan.targetText}（开工截止 {startDeadline}，投产截止 {productionDeadline}）
          {plan.factorGuarantees.length > 0 && <>；重点要素保障：{plan.factorGuarantees.join("、")}</>}
        </p>
        <p className="mt-1 text-sm text-slate-600" data-testid="freshness">
          {publication && totals ? (
            <>
              <PublishedAsOf publication={publication} />
              {publication.periodReopened && <span className="text-amber-800">；该月正在更正，以下为上次发布的数据</span>}
              {totals.missing > 0 && (
                <span className="text-amber-800">
                  ；<ExplainLink href={scopeHref(publication, "missing")}>{totals.missing}个项目本月未报</ExplainLink>，按其最近一次审核数结转（标“未报”）
                </span>
              )}
              。
            </>
          ) : (
            <>
              {plan.year}年尚无已发布的调度期：月度数据经园区审核并发布后在此显示。
              <Link href="/periods" className="ml-1 text-blue-700 underline underline-offset-2">
                查看调度期
              </Link>
            </>
          )}
        </p>
      </div>
      <YearForm years={years} year={plan.year} id="year-select" label="选择年度" />
    </div>
  );
}

export function HeadlineCards({ headline }: { headline: OverviewHeadline }) {
  const { plan, startDeadline, totals, figures, flags, publication } = headline;
  const { declared } = plan;
  const entered = (v: React.ReactNode) => (totals ? v : "未发布");
  // leaders read the figures and one neutral line of scope; the office's prompts (尚缺N个, 请核实…)
  // are in its to-do and on the plan page (src/components/todo/plan-checks.tsx)
  return (
    <div className="space-y-2">
      {figures && (
        <p className="text-sm text-slate-700" data-testid="scope-line">
          {figures.scopeLine}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FigureCard
          testId="card-count"
          label="项目个数"
          declared={`${declared.projectCount}个`}
          computed={entered(publication && <ExplainLink href={scopeHref(publication, "total")}>{totals?.projectCount}个</ExplainLink>)}
        />
        <FigureCard
          testId="card-total"
          label="总投资"
          declared={formatYi(declared.totalInvestment)}
          computed={entered(totals && publication && <ExplainLink href={scopeHref(publication, "total")}>{formatYi(totals.totalInvestment)}</ExplainLink>)}
        />
        <FigureCard
          testId="card-annual"
          label="年度计划投资"
          declared={formatYi(declared.annualInvestment)}
          computed={entered(
            totals &&
              publication &&
              (totals.projectsWithAnnualPlan > 0 ? <ExplainLink href={scopeHref(publication, "annual-rate")}>{formatYi(totals.annualPlanned)}</ExplainLink> : "未分解到项目"),
          )}
          note={
            totals && totals.projectsWithAnnualPlan > 0 && totals.projectsWithAnnualPlan < totals.projectCount ? `${totals.projectsWithAnnualPlan}个项目有年度计划投资` : undefined
          }
        />
        <FigureCard
          testId="card-start"
          label={`${plan.startTargetLabel}（${startDeadline}前）`}
          declaredLabel="已录入项目"
          computedLabel="按期开工"
          declared={entered(`${totals?.projectCount}个`)}
          computed={entered(`${totals?.startedByDeadline}个`)}
          note={totals ? `已开工${totals.started}个${flags.start ? `；${flags.start}` : "。"}` : undefined}
        />
      </div>
    </div>
  );
}

export function AnnualSection({ headline }: { headline: OverviewHeadline }) {
  const { figures, totals, publication } = headline;
  if (!figures || !totals || !publication) return null;
  const tone = figures.vsSchedule?.kind === "behind" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800";
  return (
    <Section id="annual-heading" title="年度投资完成与序时进度" aside={<PublishedAsOf publication={publication} short />}>
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className="text-xs text-slate-600">年度投资完成率</dt>
          <dd className="num text-lg font-semibold" data-testid="annual-rate">
            <ExplainLink href={scopeHref(publication, "annual-rate")}>{rateText(figures.annualRate)}</ExplainLink>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">序时进度（{formatMonth(figures.month)}）</dt>
          <dd className="num text-lg font-semibold" data-testid="schedule">
            {formatPercent(figures.schedule)}
          </dd>
        </div>
      </dl>
      <p className="num mt-2 text-sm text-slate-800">
        <span data-testid="annual-scope">{figures.annualScope}</span>
        <ExplainLink href={scopeHref(publication, "annual-rate")} testId="annual-scope-explain">
          <span className="no-print ml-1 text-xs text-blue-700">构成</span>
        </ExplainLink>
      </p>
      {figures.vsSchedule && (
        <p data-testid="vs-schedule" className={`mt-2 rounded px-2 py-1 text-sm ${tone}`}>
          {figures.vsSchedule.text}（{formatMonth(figures.month)}序时进度{formatPercent(figures.schedule)}）
        </p>
      )}
      <dl className="mt-3 grid gap-2 border-t border-slate-100 pt-3 sm:grid-cols-2">
        <div>
          <dt className="text-xs text-slate-600">{figures.allProjectsYearLabel}</dt>
          <dd className="num text-sm font-semibold" data-testid="annual-completed">
            <ExplainLink href={scopeHref(publication, "year")}>{formatYi(totals.yearInvestment)}</ExplainLink>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">开累完成率（全部项目）</dt>
          <dd className="num text-sm" data-testid="total-rate">
            <ExplainLink href={scopeHref(publication, "total-rate")}>
              开工至今累计{reportAmount(totals.cumulative)} ÷ 总投资{reportAmount(totals.totalInvestment)} = {formatPercent(figures.totalRate)}
            </ExplainLink>
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-500">序时进度 = 已过月数 ÷ 12；{ANNUAL_RATE_RULE}；本年累计完成 = 最近审核累计 − 上年末累计。</p>
    </Section>
  );
}

export function TargetsSection({ headline }: { headline: OverviewHeadline }) {
  const { plan, startDeadline, productionDeadline, totals, figures } = headline;
  if (!totals || !figures) return null;
  return (
    <Section
      id="targets-heading"
      title="开工与投产目标"
      aside={
        <>
          开工截止{startDeadline}，投产截止{productionDeadline}
        </>
      }
    >
      <dl className="grid grid-cols-2 gap-3">
        {[
          {
            label: `开工率（其中${startDeadline}前）`,
            rate: figures.startRate,
            verb: "已开工",
            count: totals.started,
            onTime: totals.startedByDeadline,
            note: `目标：${plan.startTargetLabel}；尚未开工${totals.projectCount - totals.started}个`,
            testIds: ["start-rate", "started"] as const,
          },
          {
            label: `投产率（其中${productionDeadline}前）`,
            rate: figures.productionRate,
            verb: "已投产",
            count: totals.inProduction,
            onTime: totals.inProductionByDeadline,
            note: `目标：${plan.productionTargetLabel}`,
            testIds: ["production-rate", "in-production"] as const,
          },
        ].map(({ rate, ...box }) => (
          <TargetBox key={box.verb} {...box} rate={formatPercent(rate)} of={totals.projectCount} />
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        <Link href={`/projects${queryString({ year: plan.year, status: "NOT_STARTED" })}`} className="text-blue-700 underline underline-offset-2">
          查看未开工项目
        </Link>
        {" · "}
        <Link href={`/projects${queryString({ year: plan.year, status: "IN_PRODUCTION" })}`} className="text-blue-700 underline underline-offset-2">
          查看已投产项目
        </Link>
      </p>
    </Section>
  );
}

/** One target of the plan: its rate, how many reached it (and by the deadline), the target itself. */
function TargetBox(props: { label: string; rate: string; verb: string; count: number; of: number; onTime: number; note: string; testIds: readonly [string, string] }) {
  return (
    <div className="rounded bg-slate-50 p-3">
      <dt className="text-xs text-slate-600">{props.label}</dt>
      <dd className="num text-lg font-semibold" data-testid={props.testIds[0]}>
        {props.rate}
      </dd>
      <dd className="num text-sm" data-testid={props.testIds[1]}>
        {props.verb}
        <span className="whitespace-nowrap">{props.count}个</span> ÷ 全部<span className="whitespace-nowrap">{props.of}个</span>（按期
        <span className="whitespace-nowrap">{props.onTime}个</span>）
      </dd>
      <dd className="text-xs text-slate-500">{props.note}</dd>
    </div>
  );
}
