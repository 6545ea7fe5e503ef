// 资金缺口 of the issue ledger (问题台账): the 资金问题 issues not yet closed that name a source or an
// amount short, summed in SQL by source and by county park (src/server/funding/queries.ts).
import { ScrollTable } from "@/components/common/scroll-table";
import { Th } from "@/components/common/table";
import type { FundingGapRow } from "@/server/funding/queries";
import { FUNDING_SOURCE_LABEL } from "@/domain/funding-sources";
import { formatWan } from "@/lib/money";

const sourceName = (r: FundingGapRow) => (r.source ? FUNDING_SOURCE_LABEL[r.source] : "未注明来源");

export function FundingGaps({ gaps }: { gaps: { byParkAndSource: FundingGapRow[]; bySource: FundingGapRow[]; total: FundingGapRow } }) {
  if (gaps.total.issues === 0) return <p className="text-sm text-slate-600">本年度没有注明资金来源或缺口的未办结资金问题。</p>;
  return (
    <div className="space-y-3" data-testid="funding-gaps">
      <p className="text-sm text-slate-700">
        未办结的资金问题中注明缺口的共{gaps.total.issues}个，资金缺口合计 <span className="num font-semibold">{formatWan(gaps.total.gap)}</span>
      </p>
      <ScrollTable>
        <table className="w-full text-sm" data-testid="funding-gaps-by-source">
          <thead className="bg-slate-100 text-left text-xs text-slate-600">
            <tr>
              <Th>资金来源</Th>
              <Th numeric>问题数</Th>
              <Th numeric>资金缺口（万元）</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {gaps.bySource.map((r) => (
              <tr key={r.source ?? "none"}>
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {sourceName(r)}
                </th>
                <td className="num px-2 py-1 text-right">{r.issues}个</td>
                <td className="num px-2 py-1 text-right">{formatWan(r.gap, { unit: false })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <ScrollTable>
        <table className="w-full text-sm" data-testid="funding-gaps-by-park">
          <thead className="bg-slate-100 text-left text-xs text-slate-600">
            <tr>
              <Th>县区园区</Th>
              <Th>资金来源</Th>
              <Th numeric>问题数</Th>
              <Th numeric>资金缺口（万元）</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {gaps.byParkAndSource.map((r) => (
              <tr key={`${r.parkId}-${r.source}`}>
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {r.parkName ?? "园区本级"}
                </th>
                <td className="px-2 py-1">{sourceName(r)}</td>
                <td className="num px-2 py-1 text-right">{r.issues}个</td>
                <td className="num px-2 py-1 text-right">{formatWan(r.gap, { unit: false })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}
