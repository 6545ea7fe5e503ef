import Link from "next/link";
import { RateBarChart } from "@/components/charts/rate-bar-chart";
import { DemoBadge, EmptyState, Section } from "@/components/common/badges";
import type { BreakdownRow } from "@/server/dashboard/queries";
import { formatYi } from "@/lib/money";
import { formatPercent, rate } from "@/lib/progress";

/** Completion (latest cumulative / total investment) by park or industry, with the table behind the bars. */
export function BreakdownSection({
  id,
  title,
  rows,
  groupLabel,
  href,
  asOf,
}: {
  id: string;
  title: string;
  rows: BreakdownRow[];
  groupLabel: string;
  href: (row: BreakdownRow) => string;
  asOf: React.ReactNode;
}) {
  const demo = rows.some((r) => r.demoProjects > 0 || r.demoReports > 0);
  return (
    <Section id={id} title={title} aside={<>{asOf}{demo && <DemoBadge />}</>}>
      {rows.length === 0 ? (
        <EmptyState>本年度清单还没有项目。</EmptyState>
      ) : (
        <>
          <RateBarChart
            title={title}
            data={rows.map((r) => ({ key: r.key, label: r.label, rate: rate(r.completed, r.totalInvestment)?.toFixed(1) ?? null, href: href(r) }))}
          />
          <p className="mt-1 text-xs text-slate-500">完成率 = 累计完成投资 ÷ 总投资。点击条形或下表名称查看对应项目。</p>
          <details className="mt-2 text-sm" open>
            <summary className="cursor-pointer text-slate-600 hover:text-slate-900">数据表</summary>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full min-w-[30rem] text-sm" data-testid={`${id}-table`}>
                <thead className="bg-slate-100 text-left text-slate-600">
                  <tr>
                    <th scope="col" className="px-2 py-1 font-medium">{groupLabel}</th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">项目</th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">总投资</th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">累计完成</th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">完成率</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((r) => (
                    <tr key={r.key} data-testid={`${id}-row`}>
                      <th scope="row" className="px-2 py-1 text-left font-normal">
                        <Link href={href(r)} className="text-blue-700 underline-offset-2 hover:underline">
                          {r.label}
                        </Link>
                      </th>
                      <td className="num px-2 py-1 text-right">
                        {r.projectCount}个{r.demoProjects > 0 && <span className="text-xs text-violet-700">（含演示{r.demoProjects}个）</span>}
                      </td>
                      <td className="num px-2 py-1 text-right">{formatYi(r.totalInvestment)}</td>
                      <td className="num px-2 py-1 text-right">
                        {formatYi(r.completed)}
                        {r.reportedProjects < r.projectCount && (
                          <span className="block text-xs text-amber-700">{r.projectCount - r.reportedProjects}个无数据</span>
                        )}
                        {r.staleProjects > 0 && (
                          <span className="block text-xs text-slate-600">{r.staleProjects}个数据未更新（按其最新月份计）</span>
                        )}
                      </td>
                      <td className="num px-2 py-1 text-right">{formatPercent(rate(r.completed, r.totalInvestment))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </Section>
  );
}
