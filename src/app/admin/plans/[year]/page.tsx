import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { getPlanForEdit } from "@/server/plans/queries";
import { PlanEntriesForm, PlanForm } from "@/components/admin/plan-forms";
import { formatYi } from "@/lib/money";
import { PlanChecksSection } from "@/components/todo/plan-checks";
import { AdminHeading } from "@/components/admin/admin-heading";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "年度计划" };

export default async function PlanPage({ params }: { params: Promise<{ year: string }> }) {
  const { year: raw } = await params;
  await requirePermission("project.manage", `/admin/plans/${raw}`);
  if (!/^[0-9]{4}$/.test(raw)) notFound();
  const data = await getPlanForEdit(db(), Number(raw));
  if (!data) notFound();
  const { plan, projects, listed } = data;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <AdminHeading title={`${plan.year}年计划与清单`} />
      <PlanChecksSection year={plan.year} testId="plan-checks" />
      <section id="declared" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-1 font-medium">计划申报数</h2>
        <p className="mb-3 text-sm text-slate-600">
          按计划文件原文填写；系统在概览中将申报数与清单项目的合计（当前 {listed.count}个，总投资 {formatYi(listed.totalInvestment)}
          ）并列显示，差异列在上方“计划数据核对”中（只给办公室看），不会自动“修正”。
        </p>
        <PlanForm
          year={plan.year}
          stamp={plan.updatedAt.toISOString()}
          defaults={{
            title: plan.title,
            declaredProjectCount: String(plan.declaredProjectCount),
            declaredTotalInvestment: plan.declaredTotalInvestment.toString(),
            declaredAnnualInvestment: plan.declaredAnnualInvestment.toString(),
            startDeadline: day(plan.startDeadline),
            startTargetLabel: plan.startTargetLabel,
            productionDeadline: day(plan.productionDeadline),
            productionTargetLabel: plan.productionTargetLabel,
            targetText: plan.targetText,
          }}
        />
      </section>
      <section id="entries" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-medium">列入{plan.year}年清单的项目</h2>
        <PlanEntriesForm key={plan.updatedAt.toISOString()} year={plan.year} stamp={plan.updatedAt.toISOString()} projects={projects} />
      </section>
    </div>
  );
}
