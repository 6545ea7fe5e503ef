import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { defaultReportMonth, getReportEntry } from "@/server/monthly-reports/queries";
import { ReportForm } from "@/components/monthly-reports/report-form";
import { FUNDS_COLUMNS, type FundsColumn } from "@/domain/funding-sources";
import { WithdrawForm } from "@/components/monthly-reports/withdraw-form";
import { RevisionHistory } from "@/components/monthly-reports/revision-history";
import { ReportStatusBadge } from "@/components/monthly-reports/status-badge";
import { IssueForm } from "@/components/issues/issue-form";
import { CorrectionRequestForm } from "@/components/monthly-reports/correction-form";
import { getPeriod, listProjectCorrections, type CorrectionRow } from "@/server/periods/queries";
import { CORRECTION_STATUS_LABEL, publishedMonthNotice } from "@/domain/periods";
import { CORRECTION_REASON_MAX } from "@/lib/schemas/period";
import { currentMonth, formatDateTime, formatMonth, isMonth } from "@/lib/month";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "填报月度调度" };

export default async function ReportEntryPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ month?: string }> }) {
  const { code } = await params;
  const { month: requested } = await searchParams;
  const actor = await requirePermission("data.read", `/monthly-report/${code}`);
  const prisma = db();
  const month = requested && isMonth(requested) && requested <= currentMonth() ? requested : await defaultReportMonth(prisma);
  const entry = await getReportEntry(prisma, decodeURIComponent(code), month);
  if (!entry) notFound();
  if (!can(actor, "monthlyReport.write", { parkId: entry.project.parkId })) redirect("/forbidden");
  const { project, report, previous } = entry;
  // a published month takes no report: say so before anyone types, and offer 申请更正 instead
  const period = await getPeriod(prisma, month);
  const published = period?.status === "PUBLISHED";
  const corrections = await listProjectCorrections(prisma, project.id, month);
  const pendingCorrection = corrections.find((c) => c.status === "PENDING");
  const mayRequest = can(actor, "correction.request", { parkId: project.parkId });
  const current = report?.revisions.find((r) => r.id === report.currentRevisionId);
  const canWithdraw = report?.status === "SUBMITTED" && can(actor, "monthlyReport.withdraw", { parkId: project.parkId });
  const locked =
    report?.status !== "SUBMITTED"
      ? null
      : canWithdraw
        ? "本月报表已提交，正在等待园区审核，暂不能修改。审核前如需修改，可先撤回。"
        : "本月报表已提交，正在等待园区审核，暂不能修改。如需更正，请联系园区管理员退回。";

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <Link href={`/monthly-report?month=${month}`} className="text-sm text-sky-700 hover:underline">
          ← 返回{formatMonth(month)}填报列表
        </Link>
        <h1 className="mt-1 text-xl font-semibold">{project.name}</h1>
        <p className="text-sm text-slate-600">
          {project.code} · {project.park.name} · {formatMonth(month)} <ReportStatusBadge status={report?.status ?? null} />
        </p>
        {published && (
          <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="published-notice">
            {publishedMonthNotice(month, report?.approvedRevisionId != null)}
          </p>
        )}
        {report?.status === "RETURNED" && (
          <p className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="return-reason">
            {published ? "发布前已退回" : "已退回"}：{report.returnReason}
          </p>
        )}
        {report?.status === "APPROVED" && !published && <p className="mt-2 text-sm text-slate-600">本月已审核。如需更正，修改后重新提交，将形成新版本并重新审核。</p>}
      </div>
      {published ? (
        <section id="correction" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="correction">
          <h2 className="font-medium">申请更正</h2>
          <CorrectionHistory corrections={corrections} />
          <div className="mt-3">
            {pendingCorrection ? (
              <p className="text-sm text-slate-600">已申请更正，正在等待园区处理。园区重新开放本月后即可在此修改。</p>
            ) : mayRequest ? (
              <CorrectionRequestForm projectCode={project.code} month={month} max={CORRECTION_REASON_MAX} />
            ) : (
              <p className="text-sm text-slate-600">
                如需更正，可在
                <Link href={`/periods/${month}#period-actions`} className="mx-1 text-sky-700 hover:underline">
                  调度期页面
                </Link>
                重新开放本月。
              </p>
            )}
          </div>
        </section>
      ) : (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <ReportForm
            projectCode={project.code}
            month={month}
            version={report?.version ?? 0}
            totalInvestment={project.totalInvestment}
            previous={previous}
            locked={locked}
            photos={current?.photos ?? []}
            fundingPlans={project.fundingPlans}
            defaults={{
              // 资金到位: the month's own figures, else last month's (kept when left as they are)
              ...(Object.fromEntries(FUNDS_COLUMNS.map((c) => [c, current?.funds[c] ?? previous?.funds[c] ?? ""])) as Record<FundsColumn, string>),
              monthInvestment: current?.monthInvestment ?? "",
              cumulativeInvestment: current?.cumulativeInvestment ?? "",
              progressText: current?.progressText ?? "",
              progressStage: current?.progressStage ?? "",
              actualStartMonth: current?.actualStartMonth ?? project.actualStartMonth ?? "",
              actualProductionMonth: current?.actualProductionMonth ?? project.actualProductionMonth ?? "",
              explanation: current?.explanation ?? "",
            }}
          />
          {canWithdraw && report && <WithdrawForm reportId={report.id} version={report.version} />}
        </section>
      )}
      {!published && corrections.length > 0 && (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-medium">更正申请记录</h2>
          <CorrectionHistory corrections={corrections} />
        </section>
      )}
      <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="raise-issue">
        <h2 className="font-medium">反映问题</h2>
        <p className="mb-3 text-sm text-slate-600">
          项目推进中遇到资金、要素保障、审批等问题，在此登记到问题台账，由园区交办跟踪。
          <Link href="/issues" className="ml-1 text-sky-700 underline underline-offset-2">
            查看问题台账
          </Link>
        </p>
        <IssueForm projects={[]} parks={[]} fixedProject={{ code: project.code, name: project.name }} compact />
      </section>
      {report && report.revisions.length > 0 && (
        <section>
          <RevisionHistory report={report} />
        </section>
      )}
    </div>
  );
}

/** A project-month's 申请更正, newest first, with the office's replies. */
function CorrectionHistory({ corrections }: { corrections: CorrectionRow[] }) {
  if (corrections.length === 0) return null;
  return (
    <ul className="mt-2 space-y-2 text-sm" data-testid="correction-history">
      {corrections.map((c) => (
        <li key={c.id} className="rounded-md bg-slate-50 px-3 py-2">
          <p>
            <span
              className={`mr-2 rounded px-1.5 text-xs ${c.status === "DECLINED" ? "bg-red-100 text-red-800" : c.status === "PENDING" ? "bg-amber-100 text-amber-800" : "bg-emerald-100 text-emerald-800"}`}
            >
              {CORRECTION_STATUS_LABEL[c.status]}
            </span>
            {c.requestedBy} {formatDateTime(c.createdAt)}申请：{c.reason}
          </p>
          {c.reply && (
            <p className="mt-1 text-slate-700">
              园区答复（{c.decidedBy ?? "园区"} {c.decidedAt ? formatDateTime(c.decidedAt) : ""}）：{c.reply}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
