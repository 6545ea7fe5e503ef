import type { IssueStatus } from "@/generated/prisma/enums";
import { ISSUE_STATUS_LABEL } from "@/lib/labels";

const TONE: Record<IssueStatus, string> = {
  OPEN: "bg-slate-100 text-slate-700",
  IN_PROGRESS: "bg-sky-100 text-sky-800",
  CLOSED: "bg-emerald-100 text-emerald-800",
};

export function IssueStatusBadge({ status, overdue }: { status: IssueStatus; overdue?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded px-1.5 py-0.5 text-xs ${TONE[status]}`}>{ISSUE_STATUS_LABEL[status]}</span>
      {overdue && <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs text-white" data-testid="overdue">已逾期</span>}
    </span>
  );
}
