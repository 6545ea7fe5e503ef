// The year's 调度期 on /periods: each month's status, deadline and publications, and what its
// latest publication said (开工至今累计, 本年完成, 未报), with its 月度通报.
import Link from "next/link";
import type { PeriodRow } from "@/server/periods/queries";
import { DemoBadge, EmptyState } from "@/components/common/badges";
import { formatDateTime, formatDay } from "@/lib/month";
import { formatYi } from "@/lib/money";
import { PERIOD_STATUS_LABEL, periodTitle } from "@/domain/periods";

export function PeriodList({ periods }: { periods: PeriodRow[] }) {
  if (periods.length === 0) return <EmptyState>本年度还没有调度期。</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="period-list">
      {periods.map((p) => (
        <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
          <Link href={`/periods/${p.month}`} className="font-medium text-sky-700 hover:underline">
            {periodTitle(p.month)}
            {p.isDemo && <DemoBadge />}
          </Link>
          <span className="text-slate-600">
            <span className={`mr-2 rounded px-1.5 py-0.5 text-xs ${p.status === "PUBLISHED" ? "bg-emerald-100 text-emerald-800" : "bg-sky-100 text-sky-800"}`}>
              {PERIOD_STATUS_LABEL[p.status]}
            </span>
            截止 {formatDay(p.deadline)}
            {p.lastPublishedAt && `；最近发布 ${formatDateTime(p.lastPublishedAt)}（共${p.publications}次）`}
            {p.status === "OPEN" && p.reopenReason && `；重新开放：${p.reopenReason}`}
          </span>
          {p.cumulative !== null && (
            <span className="num w-full text-slate-700" data-testid={`period-figures-${p.month}`}>
              已发布：开工至今累计 {formatYi(p.cumulative)}，本年完成 {formatYi(p.yearInvestment!)}，未报{p.missing}个
              <Link href={`/periods/${p.month}/bulletin`} className="ml-3 whitespace-nowrap text-sky-700 underline underline-offset-2">
                月度通报
              </Link>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
