import type { Metadata } from "next";
import { db } from "@/server/db";
import { getPlanSummary } from "@/server/data/plans";
import { listPlanProjects } from "@/server/data/projects";
import { FigureCard } from "@/components/overview/figure-card";
import { ProjectTable } from "@/components/overview/project-table";
import { countGap, investmentGap, startDeadlineGap } from "@/lib/plan-gaps";
import { formatYi, percent } from "@/lib/money";
import { formatDay, formatMonth } from "@/lib/month";
import { REPORT_STATUS_LABEL } from "@/lib/labels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "概览" };

export default async function OverviewPage() {
  const prisma = db();
  const plan = await getPlanSummary(prisma);
  if (!plan) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-8 text-center text-slate-600">
        还没有年度重大项目计划。请管理员录入计划或导入数据。
      </div>
    );
  }
  const projects = await listPlanProjects(prisma, plan.year);
  const { declared, computed } = plan;
  const total = investmentGap({
    declaredTotal: declared.totalInvestment,
    computedTotal: computed.totalInvestment,
    declaredCount: declared.projectCount,
    computedCount: computed.projectCount,
  });
  const count = countGap(declared.projectCount, computed.projectCount);
  const startDeadline = formatDay(plan.startDeadline);
  const start = startDeadlineGap({ ...computed, computedCount: computed.projectCount, deadlineText: startDeadline });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{plan.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          目标：{plan.targetText}（开工截止 {startDeadline}，投产截止 {formatDay(plan.productionDeadline)}）
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
              。
            </>
          ) : (
            "尚无月度调度数据。"
          )}
        </p>
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

      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="completed-heading">
        <h2 id="completed-heading" className="text-sm font-medium text-slate-500">
          已录入项目累计完成固定资产投资
        </h2>
        <p className="num mt-1 text-2xl font-semibold" data-testid="completed-total">
          {formatYi(computed.completedInvestment)}
        </p>
        <p className="text-xs text-slate-500">
          {computed.reportedProjects}个项目有数据；占已录入项目总投资的{" "}
          {percent(computed.completedInvestment, computed.totalInvestment) ?? "—"}
        </p>
      </section>

      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading" className="mb-2 text-lg font-semibold">
          重大项目
        </h2>
        <ProjectTable projects={projects} />
      </section>
    </div>
  );
}
