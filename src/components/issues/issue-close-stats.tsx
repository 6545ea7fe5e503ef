// 办结率 and average days to close of one grouping (responsible units, or categories).
import { EmptyState } from "@/components/common/badges";
import type { IssueCloseRow } from "@/server/issues/stats";
import { Th } from "@/components/common/table";

export function IssueCloseStatsTable({ rows, nameHeader, name, testId }: { rows: IssueCloseRow[]; nameHeader: string; name: (r: IssueCloseRow) => string; testId: string }) {
  if (rows.length === 0) return <EmptyState>本年度没有问题。</EmptyState>;
  return (
    <table className="w-full whitespace-nowrap text-[13px] sm:text-sm" data-testid={testId}>
      <thead className="bg-slate-100 text-left text-slate-600">
        <tr>
          <Th className="px-1 py-1 sm:px-2">{nameHeader}</Th>
          <Th numeric className="px-1 py-1 sm:px-2">
            问题
          </Th>
          <Th numeric className="px-1 py-1 sm:px-2">
            已办结
          </Th>
          <Th numeric className="px-1 py-1 sm:px-2">
            办结率
          </Th>
          <Th numeric className="px-1 py-1 sm:px-2">
            平均用时
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={name(r)} data-testid={`${testId}-row`}>
            <th scope="row" className="px-1 py-1 sm:px-2 text-left font-normal">
              {name(r)}
            </th>
            <td className="num whitespace-nowrap px-1 py-1 sm:px-2 text-right">{r.total}个</td>
            <td className="num whitespace-nowrap px-1 py-1 sm:px-2 text-right">{r.closed}个</td>
            <td className="num whitespace-nowrap px-1 py-1 sm:px-2 text-right">{r.closureRate ?? "—"}</td>
            <td className="num whitespace-nowrap px-1 py-1 sm:px-2 text-right" title={r.timed ? `按${r.timed}个有提出和办结日期的已办结问题计算` : undefined}>
              {r.avgDaysToClose === null ? "—" : `${r.avgDaysToClose}天`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
