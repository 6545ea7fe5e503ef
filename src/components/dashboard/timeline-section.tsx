import { TimelineChart } from "@/components/charts/timeline-chart";
import { DemoBadge, EmptyState, Section } from "@/components/common/badges";
import type { TimelinePoint } from "@/server/dashboard/queries";
import { formatYi, wanToYi } from "@/lib/money";
import { formatMonth } from "@/lib/month";
import { formatPercent, rate } from "@/lib/progress";

export function TimelineSection({ id, title, points, note }: { id: string; title: string; points: TimelinePoint[]; note?: React.ReactNode }) {
  const demo = points.some((p) => p.plannedDemo || p.actualDemo);
  const hasPlan = points.some((p) => p.planned !== null);
  return (
    <Section id={id} title={title} aside={demo ? <DemoBadge /> : undefined}>
      {points.length === 0 ? (
        <EmptyState>本年度还没有月度计划或月度调度数据。</EmptyState>
      ) : (
        <>
          <TimelineChart
            title={title}
            data={points.map((p) => ({
              month: p.month,
              label: `${Number(p.month.slice(5))}月`,
              planned: p.planned === null ? null : wanToYi(p.planned).toString(),
              actual: p.actual === null ? null : wanToYi(p.actual).toString(),
            }))}
          />
          <p className="mt-2 text-xs text-slate-500">
            实际累计为当月有月报项目的合计（不把旧数据结转到后续月份）；计划累计为当月有倒排计划项目的合计；数据表中的“同口径计划”只计当月有月报的项目，便于与实际比较。
            {!hasPlan && <span className="text-amber-700">尚未录入月度计划投资（倒排工期），只显示实际完成。</span>}
            {note}
          </p>
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-slate-600 hover:text-slate-900">查看数据表</summary>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full min-w-[28rem] text-sm" data-testid={`${id}-table`}>
                <thead className="bg-slate-100 text-left text-slate-600">
                  <tr>
                    <th scope="col" className="px-2 py-1 font-medium">月份</th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">计划累计投资</th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">实际累计完成</th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">有月报项目</th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">同口径计划</th>
                    <th scope="col" className="px-2 py-1 text-right font-medium">同口径完成率</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {points.map((p) => (
                    <tr key={p.month}>
                      <th scope="row" className="px-2 py-1 text-left font-normal">{formatMonth(p.month)}</th>
                      <td className="num px-2 py-1 text-right">
                        {p.planned === null ? "—" : formatYi(p.planned)}
                        {p.plannedDemo && <DemoBadge />}
                      </td>
                      <td className="num px-2 py-1 text-right">
                        {p.actual === null ? "—" : formatYi(p.actual)}
                        {p.actualDemo && <DemoBadge />}
                      </td>
                      <td className="num px-2 py-1 text-right">
                        {p.reportedProjects}个{p.submittedOnly > 0 && `（${p.submittedOnly}个待审核）`}
                      </td>
                      <td className="num px-2 py-1 text-right">{p.plannedOfReported === null ? "—" : formatYi(p.plannedOfReported)}</td>
                      <td className="num px-2 py-1 text-right">
                        {p.plannedOfReported === null || p.actual === null ? "—" : formatPercent(rate(p.actual, p.plannedOfReported))}
                      </td>
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
