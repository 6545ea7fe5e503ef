import type { Metadata } from "next";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { listPlanYears } from "@/server/plans/queries";
import { PlanForm } from "@/components/admin/plan-forms";
import { currentMonth } from "@/lib/month";
import { AdminHeading } from "@/components/admin/admin-heading";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "新建年度计划" };

export default async function NewPlanPage() {
  await requirePermission("project.manage", "/admin/plans/new");
  const years = await listPlanYears(db());
  const thisYear = Number(currentMonth().slice(0, 4));
  const year = years.includes(thisYear) ? Math.max(...years) + 1 : thisYear;
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <AdminHeading title="新建年度计划" />
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <p className="mb-3 text-sm text-slate-600">按计划文件原文填写申报数与目标；建好后在该年计划页选择列入清单的项目。已有计划的年度：{years.join("、") || "无"}。</p>
        <PlanForm
          create
          year={year}
          stamp={new Date(0).toISOString()}
          defaults={{
            title: `市工业园区${year}年重大项目计划`,
            declaredProjectCount: "",
            declaredTotalInvestment: "",
            declaredAnnualInvestment: "",
            startDeadline: `${year}-04-30`,
            startTargetLabel: "全部开工",
            productionDeadline: `${year}-06-30`,
            productionTargetLabel: "大部分投产",
            targetText: "",
          }}
        />
      </section>
    </div>
  );
}
