import Link from "next/link";
import { DemoBadge, EmptyState } from "@/components/common/badges";
import type { IssueSummary as Summary } from "@/server/issues/queries";
import { ISSUE_CATEGORY_LABEL, ISSUE_STATUS_LABEL } from "@/lib/labels";
import { formatPercent, rate } from "@/lib/progress";
import { Th } from "@/components/common/table";
import { ScrollTable } from "@/components/common/scroll-table";

const STATUSES = Object.keys(ISSUE_STATUS_LABEL) as Array<keyof typeof ISSUE_STATUS_LABEL>;

/** `compact`: the categories as one line each instead of the status table (for summary pages). */
export function IssueSummaryTable({ summary, detailHref, compact = false }: { summary: Summary; detailHref?: string; compact?: boolean }) {
  if (summary.total === 0) return <EmptyState>本年度问题台账为空。</EmptyState>;
  return (
    <div>
      <dl className="mb-3 grid grid-cols-3 gap-3 text-center">
        <div className="rounded bg-slate-50 p-2">
          <dt className="text-xs text-slate-500">问题总数</dt>
          <dd className="num text-xl font-semibold" data-testid="issues-total">
            {summary.total}个
          </dd>
        </div>
        <div className={`rounded p-2 ${summary.overdue > 0 ? "bg-red-50 text-red-800" : "bg-slate-50"}`}>
          <dt className="text-xs text-slate-600">逾期未办结</dt>
          <dd className="num text-xl font-semibold" data-testid="issues-overdue">
            {summary.overdue}个
          </dd>
        </div>
        <div className="rounded bg-slate-50 p-2">
          <dt className="text-xs text-slate-500">办结率</dt>
          <dd className="num text-xl font-semibold" data-testid="issues-closure">
            {formatPercent(rate(summary.closed, summary.total))}
          </dd>
        </div>
      </dl>
      {compact ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="issue-summary-table">
          {summary.byCategory.map((c) => (
            <li key={c.category} data-testid={`issue-cat-${c.category}`}>
              {ISSUE_CATEGORY_LABEL[c.category]} {c.total}个，未办结{c.total - c.counts.CLOSED}个{c.overdue > 0 && <span className="text-red-700">，逾期{c.overdue}个</span>}
            </li>
          ))}
        </ul>
      ) : (
        <ScrollTable>
          <table className="w-full min-w-[24rem] text-sm" data-testid="issue-summary-table">
            <caption className="sr-only">问题按类别和办理状态统计</caption>
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <Th>类别</Th>
                {STATUSES.map((s) => (
                  <th key={s} scope="col" className="px-2 py-1 text-right font-medium">
                    {ISSUE_STATUS_LABEL[s]}
                  </th>
                ))}
                <Th numeric>逾期</Th>
                <Th numeric>合计</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {summary.byCategory.map((c) => (
                <tr key={c.category} data-testid={`issue-cat-${c.category}`}>
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {ISSUE_CATEGORY_LABEL[c.category]}
                  </th>
                  {STATUSES.map((s) => (
                    <td key={s} className="num px-2 py-1 text-right">
                      {c.counts[s]}
                    </td>
                  ))}
                  <td className={`num px-2 py-1 text-right ${c.overdue > 0 ? "font-semibold text-red-700" : ""}`}>{c.overdue}</td>
                  <td className="num px-2 py-1 text-right">{c.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <p className="mt-2 text-xs text-slate-500">
        逾期：未办结且已过办结时限；未设办结时限的问题不计逾期。办结率 = 已办结 ÷ 问题总数。
        {summary.demo > 0 && (
          <>
            其中{summary.demo}个为
            <DemoBadge />。
          </>
        )}
        {detailHref && (
          <>
            {" "}
            <Link href={detailHref} className="text-blue-700 underline underline-offset-2">
              查看问题明细
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
