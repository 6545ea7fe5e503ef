// An issue's page (督办), section by section: its heading, the escalation notice, the facts, the
// steps this account may take from its status, and the record of what was done.
import Link from "next/link";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import type { getIssue } from "@/server/issues/queries";
import { EscalatedBadge, IssueStatusBadge } from "@/components/issues/issue-status";
import { IssueLoopSteps } from "@/components/issues/issue-loop-steps";
import { AcknowledgeForm, AssignForm, CloseForm, FeedbackForm, ProgressForm, ReviewForm } from "@/components/issues/issue-actions";
import { issueCategoryPath } from "@/domain/issue-categories";
import { ISSUE_STATUS_LABEL } from "@/lib/labels";
import { ISSUE_LOOP, availableSteps, stepLabel, type IssueLoopAction } from "@/domain/issue-loop";
import { issueEscalationDays } from "@/domain/overdue";
import { formatDateTime, formatDay } from "@/lib/month";

import { FUNDING_SOURCE_LABEL } from "@/domain/funding-sources";
import { formatWan } from "@/lib/money";
type Issue = NonNullable<Awaited<ReturnType<typeof getIssue>>>;

function Fact({ label, children, testId, wide = false }: { label: string; children: React.ReactNode; testId?: string; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : ""}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="whitespace-pre-wrap break-words" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function StepSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 font-medium">{title}</h2>
      {children}
    </section>
  );
}

export function IssueHeader({ issue }: { issue: Issue }) {
  return (
    <div>
      <Link href="/issues" className="text-sm text-sky-700 hover:underline">
        ← 返回问题台账
      </Link>
      <h1 className="mt-1 break-words text-xl font-semibold" data-testid="issue-title">
        {issue.title}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        <IssueStatusBadge status={issue.status} overdue={issue.overdue} /> {issueCategoryPath(issue.category, issue.subCategory)} · {issue.year}年 · 编号 {issue.id}
      </p>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <IssueLoopSteps status={issue.status} />
        <Link href={`/issues/${issue.id}/print`} className="text-sm text-sky-700 hover:underline" data-testid="print-link">
          打印督办单
        </Link>
      </div>
    </div>
  );
}

export function IssueEscalationNotice({ issue }: { issue: Issue }) {
  if (!issue.escalated) return null;
  return (
    <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="escalation-notice">
      <EscalatedBadge leader={issue.responsibleLeader} /> 逾期超过{issueEscalationDays()}天未办结，已升级督办，提请包保领导协调。
    </p>
  );
}

export function IssueFacts({ issue }: { issue: Issue }) {
  const handler = issue.effectiveParkId === null ? "园区办公室" : (issue.project?.park.name ?? issue.park?.name ?? "");
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <Fact label="所属">{issue.project ? `${issue.project.name}（${issue.project.code}，${issue.project.park.name}）` : (issue.park?.name ?? "全园区")}</Fact>
        <Fact label="状态" testId="issue-status">
          {ISSUE_STATUS_LABEL[issue.status]}
        </Fact>
        <Fact label="责任单位" testId="issue-unit">
          {issue.responsibleUnit ?? "未交办"}
        </Fact>
        <Fact label="包保领导" testId="issue-leader">
          {issue.responsibleLeader ?? "—"}
        </Fact>
        <Fact label="提出日期">
          {issue.raisedDate ? formatDay(issue.raisedDate) : "—"}
          {issue.createdBy && `（${issue.createdBy.displayName}）`}
        </Fact>
        <div>
          <dt className="text-slate-500">办结时限</dt>
          <dd className={issue.overdue ? "font-medium text-red-700" : ""} data-testid="issue-due">
            {issue.dueDate ? formatDay(issue.dueDate) : "—"}
            {issue.overdue && "（已逾期）"}
          </dd>
        </div>
        {(issue.fundingSource || issue.fundingGap !== null) && (
          <Fact label="资金来源 / 资金缺口" testId="issue-funding">
            {issue.fundingSource ? FUNDING_SOURCE_LABEL[issue.fundingSource] : "未注明来源"} / {issue.fundingGap !== null ? formatWan(issue.fundingGap) : "未注明缺口"}
          </Fact>
        )}
        <Fact label="办理账号">{handler}</Fact>
        <Fact label="交办 / 签收 / 反馈">{[issue.assignedDate, issue.acknowledgedDate, issue.feedbackDate].map((d) => (d ? formatDay(d) : "—")).join(" / ")}</Fact>
        <Fact label="问题描述" wide>
          {issue.description}
        </Fact>
        {issue.feedback && (
          <Fact label="办理结果（反馈）" testId="issue-feedback" wide>
            {issue.feedback}
          </Fact>
        )}
        {issue.reviewComment && (
          <Fact label="复核意见" testId="issue-review" wide>
            {issue.reviewComment}
          </Fact>
        )}
        {issue.status === "CLOSED" && (
          <Fact label="办结情况" testId="issue-resolution" wide>
            {issue.resolution ?? "—"}（{issue.closedDate && formatDay(issue.closedDate)}办结）
          </Fact>
        )}
      </dl>
    </section>
  );
}

/** The steps the transition table allows from the issue's status and this account may take. */
export function IssueStepSections({ issue, actor, today }: { issue: Issue; actor: Actor; today: string }) {
  const target = { parkId: issue.effectiveParkId };
  const steps = new Set(availableSteps(issue.status).filter((a) => can(actor, ISSUE_LOOP[a].permission, target)));
  const may = (a: IssueLoopAction) => steps.has(a);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  const common = { issueId: issue.id, version: issue.version };
  return (
    <>
      {may("acknowledge") && (
        <StepSection title="签收">
          <AcknowledgeForm {...common} />
        </StepSection>
      )}
      {may("feedback") && (
        <StepSection title="反馈办理结果">
          <FeedbackForm {...common} />
        </StepSection>
      )}
      {may("progress") && (
        <StepSection title="记录办理进展">
          <ProgressForm {...common} funding={issue.category === "FUNDING" ? { gap: issue.fundingGap === null ? "未注明" : formatWan(issue.fundingGap) } : undefined} />
        </StepSection>
      )}
      {may("accept") && (
        <StepSection title="复核">
          <ReviewForm {...common} today={today} />
        </StepSection>
      )}
      {may("assign") && (
        <StepSection title={issue.status === "OPEN" ? "交办" : "调整交办"}>
          <AssignForm
            {...common}
            adjusting={issue.status !== "OPEN"}
            defaults={{ responsibleUnit: issue.responsibleUnit ?? "", responsibleLeader: issue.responsibleLeader ?? "", dueDate: day(issue.dueDate) }}
          />
        </StepSection>
      )}
      {may("close") && (
        <StepSection title="直接办结（未签收的问题）">
          <CloseForm {...common} today={today} />
        </StepSection>
      )}
    </>
  );
}

export function IssueUpdates({ issue }: { issue: Issue }) {
  return (
    <section>
      <h2 className="mb-2 font-medium">办理过程</h2>
      {issue.updates.length === 0 ? (
        <p className="text-sm text-slate-600">暂无办理记录。</p>
      ) : (
        <ol className="space-y-2" data-testid="issue-updates">
          {issue.updates.map((u) => (
            <li key={u.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
              <p className="whitespace-pre-wrap break-words">
                {stepLabel(u) && <span className="font-medium">【{stepLabel(u)}】</span>}
                {u.text}
              </p>
              <p className="mt-1 text-xs text-slate-500">
                {u.user?.displayName ?? "系统"} · {formatDateTime(u.createdAt)}
                {u.fromStatus && u.toStatus && u.fromStatus !== u.toStatus && ` · ${ISSUE_STATUS_LABEL[u.fromStatus]} → ${ISSUE_STATUS_LABEL[u.toStatus]}`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
