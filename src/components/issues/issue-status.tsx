import type { IssueStatus } from "@/generated/prisma/enums";
import { ISSUE_STATUS_LABEL } from "@/lib/labels";

const TONE: Record<IssueStatus, string> = {
  OPEN: "bg-slate-100 text-slate-700",
  ASSIGNED: "bg-amber-100 text-amber-900",
  IN_PROGRESS: "bg-sky-100 text-sky-800",
  FEEDBACK: "bg-violet-100 text-violet-800",
  CLOSED: "bg-emerald-100 text-emerald-800",
};

/** 已升级督办: overdue by more than the escalation days, flagged to the 包保领导. */
export function EscalatedBadge({ leader }: { leader: string | null }) {
  return (
    <span className="whitespace-nowrap rounded bg-red-800 px-1.5 py-0.5 text-xs text-white" data-testid="escalated">
      已升级督办 · 包保领导 {leader ?? "未定"}
    </span>
  );
}

export function IssueStatusBadge({ status, overdue, escalated, leader = null }: { status: IssueStatus; overdue?: boolean; escalated?: boolean; leader?: string | null }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${TONE[status]}`}>{ISSUE_STATUS_LABEL[status]}</span>
      {overdue && (
        <span className="whitespace-nowrap rounded bg-red-600 px-1.5 py-0.5 text-xs text-white" data-testid="overdue">
          已逾期
        </span>
      )}
      {escalated && <EscalatedBadge leader={leader} />}
    </span>
  );
}
