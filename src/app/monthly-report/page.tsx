import type { Metadata } from "next";
import { DemoBadge } from "@/components/common/badges";
import Link from "next/link";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { can, parkScope } from "@/server/auth/permissions";
import { defaultReportMonth, getReportingList } from "@/server/monthly-reports/queries";
import { ReportStatusBadge } from "@/components/monthly-reports/status-badge";
import { currentMonth, formatMonth, isMonth } from "@/lib/month";
import { formatYi } from "@/lib/money";
import { FormatHint, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { getPeriod } from "@/server/periods/queries";
import { publishedMonthNotice } from "@/domain/periods";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "月度填报" };

export default async function ReportListPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const actor = await requirePermission("monthlyReport.write", "/monthly-report");
  const prisma = db();
  const { month: requested } = await searchParams;
  const month = requested && isMonth(requested) && requested <= currentMonth() ? requested : await defaultReportMonth(prisma);
  const [{ projects, done }, period] = await Promise.all([getReportingList(prisma, actor, month), getPeriod(prisma, month)]);
  // a published month takes no report: said here before anyone opens a form
  const published = period?.status === "PUBLISHED";

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">月度填报 · {formatMonth(month)}</h1>
          <p className="text-sm text-slate-600">
            {parkScope(actor, "monthlyReport.write") === null ? "全部" : "本县区园区"}项目 {projects.length} 个，已提交或已审核 {done} 个。金额单位：万元。
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          {can(actor, "monthlyReport.import") && (
            <Link href={`/imports?month=${month}`} className={secondaryButtonClass} data-testid="import-link">
              Excel导入调度表
            </Link>
          )}
          <form className="flex items-end gap-2" action="/monthly-report">
            <label className="text-sm text-slate-600">
              <span className="block">
                填报月份
                <FormatHint type="month" short />
              </span>
              <input type="month" name="month" defaultValue={month} max={currentMonth()} className={inputClass} />
            </label>
            <button type="submit" className={secondaryButtonClass}>
              切换
            </button>
          </form>
        </div>
      </div>
      {published && (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="published-notice">
          <p>{publishedMonthNotice(month, false)}</p>
          <p className="mt-1 text-amber-800">已审核通过的项目本月数据只读。申请更正请打开项目，写明原因提交，园区会在待办中看到。</p>
        </div>
      )}
      {projects.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-600">{formatMonth(month)}所在年度的重大项目清单中没有需要您填报的项目。</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="report-list">
          {projects.map((p) => (
            <li key={p.code} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div className="min-w-0">
                <p className="font-medium">
                  {p.name}
                  {p.isDemo && <DemoBadge />}
                </p>
                <p className="text-xs text-slate-500">
                  {p.code} · {p.parkName}
                  {p.report?.cumulativeInvestment && <> · 累计 {formatYi(p.report.cumulativeInvestment)}</>}
                </p>
                {p.report?.status === "RETURNED" && !published && <p className="text-sm text-red-700">退回原因：{p.report.returnReason}</p>}
              </div>
              <div className="flex items-center gap-3">
                {published && p.report?.status !== "APPROVED" ? (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">按未报处理</span>
                ) : (
                  <ReportStatusBadge status={p.report?.status ?? null} />
                )}
                <Link
                  href={`/monthly-report/${encodeURIComponent(p.code)}?month=${month}${published ? "#correction" : ""}`}
                  className="text-sm font-medium text-sky-700 hover:underline"
                >
                  {published ? (p.report?.status === "APPROVED" ? "查看" : "查看 · 申请更正") : p.report ? "查看/修改" : "填报"}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
