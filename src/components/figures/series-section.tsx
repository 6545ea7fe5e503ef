// The month chart of published figures (getMonthlySeries): cumulative plan vs published actual,
// with its data table. A month's actual carries 未报 projects forward, so it never falls.
import { TimelineSvg } from "@/components/charts/timeline-svg";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { DemoBadge, EmptyState, Section } from "@/components/common/badges";
import { seriesPlanRate, type SeriesPoint } from "@/server/figures/queries";
import { formatYi, wanToYi } from "@/lib/money";
import { formatMonth } from "@/lib/month";
import { formatPercent } from "@/lib/progress";
import { Th } from "@/components/common/table";

/** The chart with its month table one tap away (查看数据表); `more` links to where the months are read in full. */
export function SeriesSection({ id, title, points, more }: { id: string; title: string; points: SeriesPoint[]; more?: React.ReactNode }) {
  const demo = points.some((p) => p.demo);
  const hasPlan = points.some((p) => p.planned !== null);
  return (
    <Section id={id} title={title} aside={demo ? <DemoBadge /> : undefined}>
      {points.length === 0 ? (
        <EmptyState>本年度还没有月度计划或已发布的月度调度数据。</EmptyState>
      ) : (
        <>
          <TimelineSvg
            title={title}
            data={points.map((p) => ({
              month: p.month,
              label: `${Number(p.month.slice(5))}月`,
              planned: p.planned === null ? null : wanToYi(p.planned).toString(),
              actual: p.actual === null ? null : wanToYi(p.actual).toString(),
              actualText: p.actual === null ? undefined : formatYi(p.actual, { places: 2 }),
            }))}
          />
          <ChartDataTable>
            <table className="w-full min-w-[28rem] text-sm" data-testid={`${id}-table`}>
              <thead className="bg-slate-100 text-left text-slate-600">
                <tr>
                  <Th>月份</Th>
                  <Th numeric>计划累计（亿元）</Th>
                  <Th numeric>实际累计（亿元）</Th>
                  <Th numeric>项目（个）</Th>
                  <Th numeric>未报（个）</Th>
                  <Th numeric>同口径完成率（%）</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {points.map((p) => (
                  <tr key={p.month}>
                    <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">
                      {formatMonth(p.month)}
                    </th>
                    <td className="num whitespace-nowrap px-2 py-1 text-right">{p.planned === null ? "—" : formatYi(p.planned, { unit: false })}</td>
                    <td className="num whitespace-nowrap px-2 py-1 text-right">{p.actual === null ? "未发布" : formatYi(p.actual, { unit: false })}</td>
                    <td className="num px-2 py-1 text-right">{p.actual === null ? "—" : p.publishedProjects}</td>
                    <td className="num px-2 py-1 text-right">{p.actual === null ? "—" : p.missing}</td>
                    <td className="num px-2 py-1 text-right">{formatPercent(seriesPlanRate(p)).replace("%", "")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartDataTable>
          <p className="mt-2 text-xs text-slate-500">
            实际累计取每月已发布的数据，只计审核通过的月报；当月未报的项目沿用其最近一次审核通过的累计数，因此不会因未报而下降。计划累计为当月有倒排计划项目的合计。
            {!hasPlan && <span className="text-amber-700">尚未录入月度计划投资（倒排工期），只显示实际完成。</span>}
            {more}
          </p>
        </>
      )}
    </Section>
  );
}
