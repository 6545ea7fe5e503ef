// 县区园区通报表: per county park of one publication — 项目个数, how many have an annual plan
// figure, their 本年完成 and 年度计划 (the rate's numerator and denominator, side by side), 年度投资
// 完成率 (like for like; "无同口径计划" without any plan figure), 与序时进度差, the all-projects
// 本年完成 apart, 未报, 红/黄 — lowest completion first. The
// overview shows its top rows (ParkRankingTop), /parks all of them a page at a time.
import Link from "next/link";
import { db } from "@/server/db";
import { listParkRanking, type FigureBreakdownRow } from "@/server/figures/queries";
import { DemoBadge, EmptyState } from "@/components/common/badges";
import { formatYi } from "@/lib/money";
import { formatMonth } from "@/lib/month";
import { annualRate } from "@/domain/annual-rate";
import { annualRateEquation, ANNUAL_RATE_RULE, NO_PLAN_SCOPE, outsideScopeNote, rateText } from "@/domain/rate-scope";
import { isBelowSchedule, scheduleGapPoints, scheduleProgress } from "@/domain/schedule-progress";
import { Th } from "@/components/common/table";
import { ScrollTable } from "@/components/common/scroll-table";

const cell = "num whitespace-nowrap px-2 py-2 text-right";
const secondary = "hidden sm:table-cell";

export function ParkRankingTable({ rows, month, firstRank = 1, testId = "park-ranking" }: { rows: FigureBreakdownRow[]; month: string; firstRank?: number; testId?: string }) {
  if (rows.length === 0) return <EmptyState>这一期没有县区园区的数据。</EmptyState>;
  const schedule = scheduleProgress(month);
  return (
    <ScrollTable className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="sr-only">
          {formatMonth(month)}县区园区年度投资完成情况，按年度投资完成率从低到高排列；序时进度{schedule.toFixed(1)}%
        </caption>
        <thead className="bg-slate-100 text-left align-bottom text-xs text-slate-600">
          <tr>
            <th scope="col" className="hidden px-2 py-2 font-medium sm:table-cell">
              位次
            </th>
            <Th className="px-2 py-2">县区园区</Th>
            <th scope="col" className={`px-2 py-2 text-right font-medium ${secondary}`}>
              项目个数（个）
            </th>
            <th scope="col" className={`px-2 py-2 text-right font-medium ${secondary}`}>
              其中有年度计划（个）
            </th>
            <th scope="col" className={`px-2 py-2 text-right font-medium ${secondary}`}>
              有计划项目本年完成（亿元）
            </th>
            <th scope="col" className={`px-2 py-2 text-right font-medium ${secondary}`}>
              年度计划投资（亿元）
            </th>
            <Th numeric className="px-2 py-2">
              年度投资完成率（%）
            </Th>
            <Th numeric className="px-2 py-2">
              与序时进度差（个百分点）
            </Th>
            <th scope="col" className={`px-2 py-2 text-right font-medium ${secondary}`}>
              全部项目本年完成（亿元）
            </th>
            <Th numeric className="px-2 py-2">
              未报（个）
            </Th>
            <Th numeric className="px-2 py-2">
              红/黄（个）
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => {
            const annual = annualRate(r);
            const outside = outsideScopeNote(r);
            return (
              <tr key={r.key} data-testid={`ranking-${r.label}`}>
                <td className="num hidden px-2 py-2 text-slate-500 sm:table-cell">{firstRank + i}</td>
                <th scope="row" className="whitespace-nowrap px-2 py-2 text-left font-medium">
                  <Link href={`/parks/${r.key}?year=${month.slice(0, 4)}`} className="text-blue-700 hover:underline">
                    {r.label}
                  </Link>
                  {r.demo && (
                    <span className="hidden sm:inline">
                      <DemoBadge />
                    </span>
                  )}
                </th>
                <td className={`${cell} ${secondary}`}>{r.projectCount}</td>
                <td className={`${cell} ${secondary}`} data-col="planned-count">
                  {r.projectsWithAnnualPlan}
                </td>
                <td className={`${cell} ${secondary}`} data-col="planned-year">
                  {r.projectsWithAnnualPlan === 0 ? "—" : formatYi(r.yearInvestmentOfPlanned, { unit: false })}
                </td>
                <td className={`${cell} ${secondary}`} data-col="planned">
                  {r.projectsWithAnnualPlan === 0 ? "—" : formatYi(r.annualPlanned, { unit: false })}
                </td>
                <td className={cell} data-col="rate" title={outside ?? undefined}>
                  {annual === null ? <span className="text-xs text-slate-500">{NO_PLAN_SCOPE}</span> : rateText(annual, { percentSign: false })}
                  {/* on a phone, where the amount columns are left out: the rate's numerator and denominator, or without a plan scope the year's amount */}
                  <span className="block min-w-[8.5rem] whitespace-normal text-xs font-normal text-slate-500 sm:hidden" data-col="equation">
                    {annual !== null ? annualRateEquation(r) : `全部${r.projectCount}个项目本年完成${formatYi(r.yearInvestment)}`}
                  </span>
                </td>
                <td className={`${cell} ${isBelowSchedule(annual, month) ? "text-red-700" : ""}`}>{scheduleGapPoints(annual, month)}</td>
                <td className={`${cell} ${secondary}`} data-col="all-year">
                  {formatYi(r.yearInvestment, { unit: false })}
                </td>
                <td className={`${cell} ${r.missing > 0 ? "text-amber-700" : ""}`}>{r.missing}</td>
                <td className={cell}>
                  <span className={r.red > 0 ? "text-red-700" : ""}>{r.red}</span>/<span className={r.yellow > 0 ? "text-amber-700" : ""}>{r.yellow}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="px-2 py-1 text-xs text-slate-500">{ANNUAL_RATE_RULE}；“全部项目本年完成”含无年度计划的项目，不参与完成率计算。</p>
      <p className="px-2 pb-1 text-xs text-slate-500 sm:hidden" data-testid="ranking-phone-note">
        手机上完成率下方列出其分子和分母（无同口径计划时列出本年完成）；位次和项目个数等见电脑端或点园区名称查看。
      </p>
    </ScrollTable>
  );
}

/** The parks furthest behind: the first `limit` rows of the ranking, and a link to all of them. */
export async function ParkRankingTop({ publicationId, month, limit = 5, year, testId }: { publicationId: number; month: string; limit?: number; year?: number; testId?: string }) {
  const { total, rows } = await listParkRanking(db(), publicationId, { page: 1, size: limit });
  return (
    <div>
      <ParkRankingTable rows={rows} month={month} testId={testId} />
      {total > rows.length && (
        <Link href={`/parks${year === undefined ? "" : `?year=${year}`}`} className="mt-2 inline-block text-sm text-blue-700 hover:underline">
          查看全部{total}个县区园区 →
        </Link>
      )}
    </div>
  );
}
