import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { listAllProjects } from "@/server/projects/queries";
import { listPlanYears } from "@/server/plans/queries";
import { buttonClass } from "@/components/forms/field";
import { formatYi } from "@/lib/money";
import { PROJECT_STATUS_LABEL } from "@/lib/labels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "管理" };

export default async function AdminPage() {
  await requirePermission("project.manage", "/admin");
  const prisma = db();
  const projects = await listAllProjects(prisma);
  const years = await listPlanYears(prisma);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">管理</h1>
      <nav aria-label="管理功能" className="flex flex-wrap gap-3 text-sm">
        {years.map((y) => (
          <Link key={y} href={`/admin/plans/${y}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-50">
            {y}年计划与清单
          </Link>
        ))}
        <Link href="/admin/plans/new" className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-50">
          新建年度计划
        </Link>
        <Link href="/admin/users" className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-50">
          用户管理
        </Link>
        <Link href="/admin/audit" className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-50">
          操作日志
        </Link>
      </nav>
      <section className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-medium">项目（{projects.length}个）</h2>
          <Link href="/admin/projects/new" className={buttonClass}>
            新建项目
          </Link>
        </div>
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="admin-projects">
          {projects.map((p) => (
            <li key={p.code} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div className="min-w-0">
                <p className="font-medium">{p.name}</p>
                <p className="text-xs text-slate-500">
                  {p.code} · {p.parkName} · 总投资 {formatYi(p.totalInvestment)} · {PROJECT_STATUS_LABEL[p.status]}
                  {p.years.length > 0 ? ` · 列入${p.years.join("、")}年清单` : " · 未列入清单"}
                </p>
              </div>
              <Link href={`/admin/projects/${encodeURIComponent(p.code)}/edit`} className="text-sm text-sky-700 hover:underline">
                编辑
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
