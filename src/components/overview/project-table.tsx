import Link from "next/link";
import type { ProjectRow, YearProjectItem } from "@/server/projects/queries";
import { DemoBadge, WarningBadges } from "@/components/common/badges";
import { formatYi, percent } from "@/lib/money";
import { formatMonth } from "@/lib/month";
import { PROJECT_STATUS_LABEL, REPORT_STATUS_LABEL } from "@/lib/labels";

function Completed({ p }: { p: Row }) {
  if (p.completedInvestment === null) return <span className="text-amber-700">暂无数据</span>;
  return (
    <>
      <span className="num font-medium">{formatYi(p.completedInvestment)}</span>
      <span className="block text-xs text-slate-500">
        截至{formatMonth(p.reportedMonth!)}·{REPORT_STATUS_LABEL[p.reportedStatus!]}
        {p.reportedDemo && <DemoBadge />}
      </span>
    </>
  );
}

type Row = ProjectRow & { warning?: YearProjectItem["warning"]; reportedDemo?: boolean };

export function ProjectTable({ projects }: { projects: Row[] }) {
  if (projects.length === 0) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-600">本年度清单还没有项目。</p>;
  }
  return (
    <>
      {/* desktop and tablet */}
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block print:block">
        <table className="w-full text-sm" data-testid="project-table">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">项目</th>
              <th scope="col" className="px-3 py-2 font-medium">县区园区</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">总投资</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">累计完成投资</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">完成比例</th>
              <th scope="col" className="px-3 py-2 font-medium">开工时间</th>
              <th scope="col" className="px-3 py-2 font-medium">状态</th>
              {projects.some((p) => p.warning) && <th scope="col" className="px-3 py-2 font-medium">预警</th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {projects.map((p) => (
              <tr key={p.id} data-testid={`project-row-${p.code}`}>
                <td className="px-3 py-2">
                  <Link href={`/projects/${encodeURIComponent(p.code)}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">
                    {p.name}
                  </Link>
                  {p.isDemo && <DemoBadge />}
                  <span className="block text-xs text-slate-500">{p.code}</span>
                </td>
                <td className="px-3 py-2">{p.parkName}</td>
                <td className="num px-3 py-2 text-right">{formatYi(p.totalInvestment)}</td>
                <td className="px-3 py-2 text-right">
                  <Completed p={p} />
                </td>
                <td className="num px-3 py-2 text-right">
                  {p.completedInvestment === null ? "—" : percent(p.completedInvestment, p.totalInvestment)}
                </td>
                <td className="px-3 py-2">{p.actualStartMonth ? formatMonth(p.actualStartMonth) : "未开工"}</td>
                <td className="px-3 py-2">{PROJECT_STATUS_LABEL[p.status]}</td>
                {p.warning && (
                  <td className="px-3 py-2">
                    <WarningBadges warning={p.warning} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* phone */}
      <ul className="space-y-3 md:hidden print:hidden" data-testid="project-cards">
        {projects.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-3">
            <div className="flex items-start justify-between gap-2">
              <div>
                <Link href={`/projects/${encodeURIComponent(p.code)}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">
                  {p.name}
                </Link>
                {p.isDemo && <DemoBadge />}
                <p className="text-xs text-slate-500">
                  {p.code} · {p.parkName}
                </p>
              </div>
              <span className="flex shrink-0 flex-col items-end gap-1">
                <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{PROJECT_STATUS_LABEL[p.status]}</span>
                {p.warning && <WarningBadges warning={p.warning} />}
              </span>
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
              <div>
                <dt className="text-xs text-slate-500">总投资</dt>
                <dd className="num">{formatYi(p.totalInvestment)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">累计完成投资</dt>
                <dd>
                  <Completed p={p} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">开工时间</dt>
                <dd>{p.actualStartMonth ? formatMonth(p.actualStartMonth) : "未开工"}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">完成比例</dt>
                <dd className="num">{p.completedInvestment === null ? "—" : percent(p.completedInvestment, p.totalInvestment)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
