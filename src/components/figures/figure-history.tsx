// A project's published figures month by month (getProjectFigureHistory): its 倒排工期 plan vs
// the published cumulative, with 未报 months marked and the month the carried figure is from. The
// chart is the one the cockpit and park pages draw on the server (no chart library in the browser).
import { TimelineSvg } from "@/components/charts/timeline-svg";
import { ChartDataTable } from "@/components/charts/chart-data-table";
import { EmptyState, Section, WarningBadge } from "@/components/common/badges";
import { MissingBadge, LEVEL } from "./figure-badges";
import type { WarningLevel } from "@/generated/prisma/client";
import { formatYi, wanToYi } from "@/lib/money";
import { formatMonth } from "@/lib/month";
import { Th } from "@/components/common/table";

type HistoryRow = {
  month: string;
  cumulative: { toString(): string } | null;
  missing: boolean;
  figureMonth: string | null;
  warningLevel: WarningLevel;
  plannedCumulative: { toString(): string } | null;
};

export function FigureHistorySection({ rows, year }: { rows: HistoryRow[]; year: number }) {
  const title = `${year}年已发布的计划与实际累计投资（亿元）`;
  return (
    <Section id="project-history" title={title}>
      {rows.length === 0 ? (
        <EmptyState>{year}年还没有已发布的月度数据。</EmptyState>
      ) : (
        <>
          <TimelineSvg
            title={title}
            data={rows.map((r) => ({
              month: r.month,
              label: `${Number(r.month.slice(5))}月`,
              planned: r.plannedCumulative === null ? null : wanToYi(r.plannedCumulative).toString(),
              actual: r.cumulative === null ? null : wanToYi(r.cumulative).toString(),
              actualText: r.cumulative === null ? undefined : formatYi(r.cumulative, { places: 2 }),
            }))}
          />
          <ChartDataTable open>
            <table className="w-full text-sm" data-testid="figure-history">
              <thead className="bg-slate-100 text-left text-slate-600">
                <tr>
                  <Th>月份</Th>
                  <Th numeric>计划累计（亿元）</Th>
                  <Th numeric>已发布累计（亿元）</Th>
                  <Th>预警</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.month} data-testid={`history-${r.month}`}>
                    <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">
                      {formatMonth(r.month)}
                    </th>
                    <td className="num whitespace-nowrap px-2 py-1 text-right">{r.plannedCumulative === null ? "—" : formatYi(r.plannedCumulative, { unit: false })}</td>
                    <td className="num whitespace-nowrap px-2 py-1 text-right">{r.cumulative === null ? "—" : formatYi(r.cumulative, { unit: false })}</td>
                    <td className="px-2 py-1">
                      <span className="inline-flex flex-wrap gap-1">
                        <WarningBadge level={LEVEL[r.warningLevel]} />
                        {r.missing && <MissingBadge figureMonth={r.figureMonth} />}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartDataTable>
          <p className="mt-2 text-xs text-slate-500">每月取该月最近一次发布的数据，只计审核通过的月报；未报的月份沿用最近一次审核通过的累计数，并标明其月份。</p>
        </>
      )}
    </Section>
  );
}
