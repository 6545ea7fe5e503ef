// 资金缺口 of the issue ledger (问题台账): the 资金问题 issues not yet closed that name a source or an
// amount short, summed in SQL by source and by county park (src/server/funding/queries.ts).
import { ScrollTable } from "@/components/common/scroll-table";
import { NumTd, RowTh, TableHead } from "@/components/common/table";
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
      <GapTable rows={gaps.bySource} byPark={false} testId="funding-gaps-by-source" />
      <GapTable rows={gaps.byParkAndSource} byPark testId="funding-gaps-by-park" />
    </div>
  );
}

/** The gaps by source, or by county park and source: the issues counted and the gap summed (万元). */
function GapTable({ rows, byPark, testId }: { rows: FundingGapRow[]; byPark: boolean; testId: string }) {
  const columns = [{ label: "资金来源" }, { label: "问题数", numeric: true }, { label: "资金缺口（万元）", numeric: true }];
  return (
    <ScrollTable>
      <table className="w-full text-sm" data-testid={testId}>
        <TableHead columns={byPark ? [{ label: "县区园区" }, ...columns] : columns} />
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={`${r.parkId}-${r.source}`}>
              {byPark ? (
                <>
                  <RowTh>{r.parkName ?? "园区本级"}</RowTh>
                  <td className="px-2 py-1">{sourceName(r)}</td>
                </>
              ) : (
                <RowTh>{sourceName(r)}</RowTh>
              )}
              <NumTd>{r.issues}个</NumTd>
              <NumTd>{formatWan(r.gap, { unit: false })}</NumTd>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
