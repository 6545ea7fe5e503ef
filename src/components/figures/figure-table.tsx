// One page of published project figures (ProjectFigure rows from listFigures): a table on wide
// screens, stacked cards on phones so the name, the completion and the warning are readable at
// 390 px without scrolling sideways. One unit per column, stated in its header.
import Link from "next/link";
import type { FigureRow } from "@/server/figures/queries";
import { DemoBadge } from "@/components/common/badges";
import { FigureBadges } from "./figure-badges";
import { dec, formatYi } from "@/lib/money";
import { PROJECT_STATUS_LABEL } from "@/lib/labels";
import { Th } from "@/components/common/table";
import { ScrollTable } from "@/components/common/scroll-table";

/** 亿元 without the unit (the header states it), or — */
export function yi(wan: string | null): string {
  return wan === null ? "—" : formatYi(wan, { unit: false });
}

/** A stored percentage (two decimals) shown with one, without the % (the header states it), or — */
export function pct(value: string | null): string {
  return value === null ? "—" : dec(value).toFixed(1);
}

export type SortHeaderRender = (sort: "total" | "annual" | "year" | "rate" | "completed" | "totalRate", label: React.ReactNode, className: string) => React.ReactNode;

function Plain(_sort: string, label: React.ReactNode, className: string) {
  return (
    <th scope="col" className={`whitespace-nowrap px-3 py-2 align-bottom font-medium ${className}`}>
      {label}
    </th>
  );
}

export function FigureTable({
  rows,
  testId,
  showPark = true,
  sortHeader = Plain,
}: {
  rows: FigureRow[];
  /** the table is `${testId}-table`, each row `row-${code}`, the phone list `${testId}-cards` */
  testId: string;
  showPark?: boolean;
  sortHeader?: SortHeaderRender;
}) {
  return (
    <>
      <ScrollTable className="hidden rounded-lg border border-slate-200 bg-white md:block print:block">
        <table className="w-full text-sm" data-testid={`${testId}-table`}>
          <thead className="bg-slate-100 text-left align-bottom text-slate-600">
            <tr>
              <Th className="px-3 py-2">预警</Th>
              <Th className="min-w-[12rem] px-3 py-2">项目</Th>
              {showPark && <Th className="px-3 py-2">县区园区</Th>}
              {sortHeader(
                "total",
                <>
                  总投资
                  <br />
                  （亿元）
                </>,
                "text-right",
              )}
              {sortHeader(
                "annual",
                <>
                  年度计划投资
                  <br />
                  （亿元）
                </>,
                "text-right",
              )}
              {sortHeader(
                "year",
                <>
                  本年完成
                  <br />
                  （亿元）
                </>,
                "text-right",
              )}
              {sortHeader(
                "rate",
                <>
                  年度投资
                  <br />
                  完成率（%）
                </>,
                "text-right",
              )}
              {sortHeader(
                "completed",
                <>
                  开工至今累计
                  <br />
                  （亿元）
                </>,
                "hidden text-right 2xl:table-cell",
              )}
              {sortHeader(
                "totalRate",
                <>
                  开累
                  <br />
                  完成率（%）
                </>,
                "text-right",
              )}
              <Th className="px-3 py-2">状态</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((p) => (
              <tr key={p.projectId} data-testid={`row-${p.code}`}>
                <td className="px-3 py-2">
                  <FigureBadges level={p.warningLevel} missing={p.missing} figureMonth={p.figureMonth} />
                </td>
                <td className="px-3 py-2">
                  <Link href={`/projects/${encodeURIComponent(p.code)}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">
                    {p.name}
                  </Link>
                  {p.isDemo && <DemoBadge />}
                  <span className="block text-xs text-slate-500">
                    {p.code}
                    {p.enterprise && ` · ${p.enterprise}`}
                    {p.industry && ` · ${p.industry}`}
                  </span>
                </td>
                {showPark && (
                  <td className="whitespace-nowrap px-3 py-2">
                    <Link href={`/parks/${p.parkId}`} className="hover:underline">
                      {p.parkName}
                    </Link>
                  </td>
                )}
                <td className="num whitespace-nowrap px-3 py-2 text-right">{yi(p.totalInvestment)}</td>
                <td className="num whitespace-nowrap px-3 py-2 text-right">{yi(p.annualPlanned)}</td>
                <td className="num whitespace-nowrap px-3 py-2 text-right">{yi(p.yearInvestment)}</td>
                <td className="num whitespace-nowrap px-3 py-2 text-right">{pct(p.annualRate)}</td>
                <td className="num hidden whitespace-nowrap px-3 py-2 text-right 2xl:table-cell">{yi(p.cumulative)}</td>
                <td className="num whitespace-nowrap px-3 py-2 text-right">{pct(p.totalRate)}</td>
                <td className="whitespace-nowrap px-3 py-2">{PROJECT_STATUS_LABEL[p.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <ul className="space-y-3 md:hidden print:hidden" data-testid={`${testId}-cards`}>
        {rows.map((p) => (
          <li key={p.projectId} className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`card-${p.code}`}>
            <Link href={`/projects/${encodeURIComponent(p.code)}`} className="font-medium text-blue-700 hover:underline">
              {p.name}
            </Link>
            {p.isDemo && <DemoBadge />}
            <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
              <FigureBadges level={p.warningLevel} missing={p.missing} figureMonth={p.figureMonth} />
              {showPark && <span className="whitespace-nowrap">{p.parkName}</span>}
              <span className="whitespace-nowrap">{PROJECT_STATUS_LABEL[p.status]}</span>
            </div>
            <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
              <div>
                <dt className="text-xs text-slate-500">本年完成（亿元）</dt>
                <dd className="num whitespace-nowrap">{yi(p.yearInvestment)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">年度投资完成率（%）</dt>
                <dd className="num whitespace-nowrap">{pct(p.annualRate)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">开累完成率（%）</dt>
                <dd className="num whitespace-nowrap">{pct(p.totalRate)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
