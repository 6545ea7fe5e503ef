// The list of issues, written once: the ledger (/issues), a park's page and a project's page.
import Link from "next/link";
import { DemoBadge, EmptyState } from "@/components/common/badges";
import { IssueStatusBadge } from "@/components/issues/issue-status";
import type { IssueRow } from "@/server/issues/queries";
import { issueCategoryPath } from "@/domain/issue-categories";
import { ISSUE_CATEGORY_LABEL } from "@/lib/labels";
import { formatDay } from "@/lib/month";

/** What a list item needs; the rest of an `IssueRow` is shown where the read has it. */
export type IssueListItem = Pick<IssueRow, "id" | "category" | "title" | "status" | "overdue" | "dueDate" | "isDemo" | "projectCode" | "projectName"> &
  Partial<Pick<IssueRow, "escalated" | "subCategory" | "description" | "resolution" | "responsibleUnit" | "responsibleLeader" | "raisedDate" | "closedDate" | "parkName">>;

export function IssueList({
  issues,
  showProject = true,
  showDescription = false,
  empty = "没有问题记录。",
}: {
  issues: readonly IssueListItem[];
  /** name the project (or park) of each issue; off on a project's own page */
  showProject?: boolean;
  /** the description and the resolution under each title */
  showDescription?: boolean;
  empty?: string;
}) {
  if (issues.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="issue-list">
      {issues.map((i) => (
        <li key={i.id} className={`p-3 text-sm ${i.overdue ? "bg-red-50" : ""}`} data-testid={`issue-${i.id}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <span>
              <Link href={`/issues/${i.id}`} className={`text-base font-medium hover:underline ${i.overdue ? "text-red-700" : "text-slate-900"}`}>
                {i.title}
              </Link>
              {i.isDemo && <DemoBadge />}
            </span>
            <IssueStatusBadge status={i.status} overdue={i.overdue} escalated={i.escalated} leader={i.responsibleLeader} />
          </div>
          <p className="mt-1 text-slate-600">
            {i.subCategory ? issueCategoryPath(i.category, i.subCategory) : ISSUE_CATEGORY_LABEL[i.category]}
            {showProject && i.projectCode && (
              <>
                {" · "}
                <Link href={`/projects/${encodeURIComponent(i.projectCode)}`} className="text-blue-700 hover:underline">
                  {i.projectName}
                </Link>
                {i.parkName && `（${i.parkName}）`}
              </>
            )}
            {/* a read without parkName (a park's own page) leaves the park unsaid; null there means the whole park */}
            {showProject && !i.projectCode && i.parkName !== undefined && ` · ${i.parkName ?? "全园区"}`}
          </p>
          {showDescription && i.description && <p className="mt-1 text-slate-700">{i.description}</p>}
          <p className="mt-1 text-xs text-slate-600">
            {[i.responsibleUnit && `责任单位：${i.responsibleUnit}`, i.responsibleLeader && `包保领导：${i.responsibleLeader}`, i.raisedDate && `提出：${formatDay(i.raisedDate)}`]
              .filter(Boolean)
              .map((text) => `${text} · `)
              .join("")}
            {i.dueDate ? <span className={i.overdue ? "font-medium text-red-700" : ""}>办结时限：{formatDay(i.dueDate)}</span> : "未设办结时限"}
            {i.closedDate && ` · 办结于 ${formatDay(i.closedDate)}`}
          </p>
          {showDescription && i.resolution && <p className="mt-1 text-xs text-emerald-800">办理结果：{i.resolution}</p>}
        </li>
      ))}
    </ul>
  );
}
