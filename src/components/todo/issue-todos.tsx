// The 督办 part of the to-do page (/todo): the issue lists the signed-in account has to act on
// (src/server/issues/todo.ts), each with its total and a link to the full filtered ledger.
import Link from "next/link";
import { db } from "@/server/db";
import type { Actor } from "@/server/auth/actor";
import { getIssueTodos } from "@/server/issues/todo";
import { EmptyState } from "@/components/common/badges";
import { IssueStatusBadge } from "@/components/issues/issue-status";
import { businessDate, formatDay } from "@/lib/month";

export async function IssueTodos({ actor, today = businessDate() }: { actor: Actor; today?: string }) {
  const { lists, total } = await getIssueTodos(db(), actor, today);
  return (
    <section aria-labelledby="issue-todos-heading" className="space-y-3" data-testid="issue-todos">
      <h2 id="issue-todos-heading" className="text-lg font-semibold">
        问题督办 <span className="num text-base font-normal text-slate-600">{total}个待处理</span>
      </h2>
      {lists.length === 0 ? (
        <EmptyState>没有待处理的督办问题。</EmptyState>
      ) : (
        lists.map((list) => (
          <div key={list.key} className="rounded-lg border border-slate-200 bg-white" data-testid={`issue-todo-${list.key}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-3 py-2">
              <h3 className="font-medium">
                {list.title} <span className="num text-slate-600">{list.total}个</span>
              </h3>
              <span className="text-xs text-slate-500">{list.hint}</span>
            </div>
            <ul className="divide-y divide-slate-100">
              {list.issues.map((i) => (
                <li key={i.id} className="px-3 py-2 text-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link href={`/issues/${i.id}`} className={`font-medium hover:underline ${i.overdue ? "text-red-700" : "text-sky-800"}`}>
                      {i.title}
                    </Link>
                    <IssueStatusBadge status={i.status} overdue={i.overdue} escalated={i.escalated} leader={i.responsibleLeader} />
                  </div>
                  <p className="text-xs text-slate-600">
                    {[i.projectName ?? i.parkName ?? "全园区", i.responsibleUnit, i.dueDate && `办结时限 ${formatDay(i.dueDate)}`].filter(Boolean).join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
            {list.total > list.issues.length && (
              <p className="border-t border-slate-100 px-3 py-2 text-sm">
                <Link href={list.href} className="text-blue-700 hover:underline">
                  查看全部{list.total}个 →
                </Link>
              </p>
            )}
          </div>
        ))
      )}
    </section>
  );
}
