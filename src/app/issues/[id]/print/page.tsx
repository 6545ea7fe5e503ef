import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { getIssue } from "@/server/issues/queries";
import { PrintButton } from "@/components/issues/print-button";
import { issueCategoryPath } from "@/domain/issue-categories";
import { ISSUE_STATUS_LABEL } from "@/lib/labels";
import { stepLabel } from "@/domain/issue-loop";
import { issueEscalationDays } from "@/domain/overdue";
import { businessDate, dayToDate, formatDateTime, formatDay } from "@/lib/month";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "督办单" };

const cell = "border border-slate-800 px-2 py-1.5 align-top";
const head = `${cell} w-20 whitespace-nowrap bg-slate-50 font-medium sm:w-24`;

/** One line of the sheet: its label and what it says. */
function Row({ label, children, testId, tall = false }: { label: string; children: React.ReactNode; testId?: string; tall?: boolean }) {
  return (
    <tr>
      <th scope="row" className={head}>
        {label}
      </th>
      <td className={`${cell} whitespace-pre-wrap break-words ${tall ? "h-20" : ""}`} data-testid={testId}>
        {children}
      </td>
    </tr>
  );
}

// 督办单: one issue on one A4 sheet — what, who, by when, the 办理过程 and the 复核意见.
export default async function IssuePrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("data.read", `/issues/${id}/print`);
  if (!/^[0-9]{1,9}$/.test(id)) notFound();
  const today = businessDate();
  const issue = await getIssue(db(), Number(id), today);
  if (!issue) notFound();
  const history = [...issue.updates].reverse();
  const where = issue.project ? `${issue.project.name}（${issue.project.code}）` : "—";
  const park = issue.project?.park.name ?? issue.park?.name ?? "全园区";

  return (
    <div className="print-sheet mx-auto max-w-[210mm] bg-white p-6 text-[15px] leading-relaxed text-slate-900 print:p-0">
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href={`/issues/${issue.id}`} className="text-sm text-sky-700 hover:underline">
          ← 返回问题详情
        </Link>
        <PrintButton />
      </div>
      <h1 className="text-center text-2xl font-bold tracking-[0.5em]">督办单</h1>
      <p className="mt-2 flex flex-wrap justify-between gap-2 text-sm">
        <span data-testid="print-number">
          编号：督〔{issue.year}〕{issue.number}号
        </span>
        <span>打印日期：{formatDay(dayToDate(today))}</span>
      </p>
      <table className="mt-2 w-full border-collapse text-sm" data-testid="print-sheet">
        <tbody>
          <Row label="项目">{where}</Row>
          <Row label="所属园区">{park}</Row>
          <Row label="问题类别">{issueCategoryPath(issue.category, issue.subCategory)}</Row>
          <Row label="问题">
            <p className="font-medium">{issue.title}</p>
            <p className="whitespace-pre-wrap break-words">{issue.description}</p>
          </Row>
          <Row label="责任单位">{issue.responsibleUnit ?? "未交办"}</Row>
          <Row label="包保领导">{issue.responsibleLeader ?? "—"}</Row>
          <Row label="提出日期">{issue.raisedDate ? formatDay(issue.raisedDate) : "—"}</Row>
          <Row label="办结时限">
            {issue.dueDate ? formatDay(issue.dueDate) : "—"}
            {issue.escalated ? `（逾期超过${issueEscalationDays()}天，已升级督办）` : issue.overdue ? "（已逾期）" : ""}
          </Row>
          <Row label="当前状态">
            {ISSUE_STATUS_LABEL[issue.status]}
            {issue.closedDate && `（${formatDay(issue.closedDate)}办结）`}
          </Row>
          <tr>
            <th scope="row" className={head}>
              办理过程
            </th>
            <td className={cell}>
              {history.length === 0 ? (
                "—"
              ) : (
                <ol className="space-y-1" data-testid="print-history">
                  {history.map((u) => (
                    <li key={u.id} className="break-words">
                      <span className="whitespace-nowrap text-slate-600">{formatDateTime(u.createdAt)}</span>{" "}
                      {stepLabel(u) && <span className="font-medium">【{stepLabel(u)}】</span>}
                      {u.text}
                      {u.user && <span className="text-slate-600">（{u.user.displayName}）</span>}
                    </li>
                  ))}
                </ol>
              )}
            </td>
          </tr>
          <Row label="办理结果">{issue.feedback ?? issue.resolution ?? "—"}</Row>
          <Row label="复核意见" testId="print-review" tall>
            {issue.reviewComment ?? ""}
          </Row>
        </tbody>
      </table>
      <p className="mt-6 flex justify-between text-sm">
        <span>督办单位（盖章）：</span>
        <span>年　　月　　日</span>
      </p>
    </div>
  );
}
