import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { requireActor } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getIssue } from "@/server/issues/queries";
import { IssueStatusBadge } from "@/components/issues/issue-status";
import { AssignForm, CloseForm, ProgressForm } from "@/components/issues/issue-actions";
import { ISSUE_CATEGORY_LABEL, ISSUE_STATUS_LABEL } from "@/lib/labels";
import { businessDate, formatDay } from "@/lib/month";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "问题详情" };

const dateTime = new Intl.DateTimeFormat("zh-CN", { timeZone: process.env.APP_TIMEZONE || "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

export default async function IssuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/issues/${id}`);
  if (!/^[0-9]{1,9}$/.test(id)) notFound();
  const issue = await getIssue(db(), Number(id));
  if (!issue) notFound();
  const mayWrite = can(actor, "issue.write", { parkId: issue.effectiveParkId });
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <Link href="/issues" className="text-sm text-sky-700 hover:underline">
          ← 返回问题台账
        </Link>
        <h1 className="mt-1 break-words text-xl font-semibold" data-testid="issue-title">{issue.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <IssueStatusBadge status={issue.status} overdue={issue.overdue} /> {ISSUE_CATEGORY_LABEL[issue.category]}
          {issue.subCategory && ` · ${issue.subCategory}`} · {issue.year}年
        </p>
      </div>

      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">所属</dt>
            <dd>
              {issue.project ? (
                <>
                  {issue.project.name}（{issue.project.code}，{issue.project.park.name}）
                </>
              ) : (
                (issue.park?.name ?? "全园区")
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">状态</dt>
            <dd data-testid="issue-status">{ISSUE_STATUS_LABEL[issue.status]}</dd>
          </div>
          <div>
            <dt className="text-slate-500">责任单位</dt>
            <dd data-testid="issue-unit">{issue.responsibleUnit ?? "未交办"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">包保领导</dt>
            <dd data-testid="issue-leader">{issue.responsibleLeader ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">提出日期</dt>
            <dd>{issue.raisedDate ? formatDay(issue.raisedDate) : "—"}{issue.createdBy && `（${issue.createdBy.displayName}）`}</dd>
          </div>
          <div>
            <dt className="text-slate-500">办结时限</dt>
            <dd className={issue.overdue ? "font-medium text-red-700" : ""} data-testid="issue-due">
              {issue.dueDate ? formatDay(issue.dueDate) : "—"}
              {issue.overdue && "（已逾期）"}
            </dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-500">问题描述</dt>
            <dd className="whitespace-pre-wrap break-words">{issue.description}</dd>
          </div>
          {issue.status === "CLOSED" && (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">办结情况</dt>
              <dd className="whitespace-pre-wrap break-words" data-testid="issue-resolution">
                {issue.resolution}（{issue.closedDate && formatDay(issue.closedDate)}办结）
              </dd>
            </div>
          )}
        </dl>
      </section>

      {mayWrite && issue.status !== "CLOSED" && (
        <>
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-3 font-medium">交办</h2>
            <AssignForm
              issueId={issue.id}
              version={issue.version}
              defaults={{ responsibleUnit: issue.responsibleUnit ?? "", responsibleLeader: issue.responsibleLeader ?? "", dueDate: day(issue.dueDate) }}
            />
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-3 font-medium">更新进展</h2>
            <ProgressForm issueId={issue.id} version={issue.version} />
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-3 font-medium">办结</h2>
            <CloseForm issueId={issue.id} version={issue.version} today={businessDate()} />
          </section>
        </>
      )}

      <section>
        <h2 className="mb-2 font-medium">办理记录</h2>
        {issue.updates.length === 0 ? (
          <p className="text-sm text-slate-600">暂无办理记录。</p>
        ) : (
          <ol className="space-y-2" data-testid="issue-updates">
            {issue.updates.map((u) => (
              <li key={u.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <p className="whitespace-pre-wrap break-words">{u.text}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {u.user?.displayName ?? "系统"} · {dateTime.format(u.createdAt)}
                  {u.fromStatus && u.toStatus && u.fromStatus !== u.toStatus && ` · ${ISSUE_STATUS_LABEL[u.fromStatus]} → ${ISSUE_STATUS_LABEL[u.toStatus]}`}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
