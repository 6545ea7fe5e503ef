import Link from "next/link";
import { DemoBadge, EmptyState } from "@/components/common/badges";
import type { IssueRow } from "@/server/issues/queries";
import { ISSUE_CATEGORY_LABEL, ISSUE_STATUS_LABEL } from "@/lib/labels";
import { formatDay } from "@/lib/month";

export function IssueList({ issues, showProject = true }: { issues: IssueRow[]; showProject?: boolean }) {
  if (issues.length === 0) return <EmptyState>没有问题记录。</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="issue-list">
      {issues.map((i) => (
        <li key={i.id} className="py-2 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{ISSUE_CATEGORY_LABEL[i.category]}{i.subCategory && i.subCategory !== i.title ? `·${i.subCategory}` : ""}</span>
            <span className="font-medium">{i.title}</span>
            {i.isDemo && <DemoBadge />}
            <span className={`rounded px-1.5 py-0.5 text-xs ${i.status === "CLOSED" ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-900"}`}>
              {ISSUE_STATUS_LABEL[i.status]}
            </span>
            {i.overdue && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800">逾期</span>}
          </div>
          <p className="mt-1 text-slate-700">{i.description}</p>
          <p className="mt-1 text-xs text-slate-500">
            {showProject && i.projectCode && (
              <>
                项目：<Link href={`/projects/${encodeURIComponent(i.projectCode)}`} className="text-blue-700 hover:underline">{i.projectName}</Link>；
              </>
            )}
            {showProject && !i.projectCode && i.parkName && <>园区：{i.parkName}；</>}
            {i.responsibleUnit && <>责任单位：{i.responsibleUnit}；</>}
            {i.responsibleLeader && <>包保领导：{i.responsibleLeader}；</>}
            {i.raisedDate && <>提出：{formatDay(i.raisedDate)}；</>}
            {i.dueDate ? <>办结时限：{formatDay(i.dueDate)}</> : "未设办结时限"}
            {i.closedDate && <>；办结：{formatDay(i.closedDate)}</>}
          </p>
          {i.resolution && <p className="mt-1 text-xs text-emerald-800">办理结果：{i.resolution}</p>}
        </li>
      ))}
    </ul>
  );
}
