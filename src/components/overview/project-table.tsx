import type { ProjectRow } from "@/server/data/projects";
import { formatYi, percent } from "@/lib/money";
import { formatMonth } from "@/lib/month";
import { PROJECT_STATUS_LABEL, REPORT_STATUS_LABEL } from "@/lib/labels";

function Completed({ p }: { p: ProjectRow }) {
  if (p.completedInvestment === null) return <span className="text-amber-700">暂无数据</span>;
  return (
    <>
      <span className="num font-medium">{formatYi(p.completedInvestment)}</span>
      <span className="block text-xs text-slate-500">
        截至{formatMonth(p.reportedMonth!)}·{REPORT_STATUS_LABEL[p.reportedStatus!]}
      </span>
    </>
  );
}

export function ProjectTable({ projects }: { projects: ProjectRow[] }) {
  if (projects.length === 0) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-600">本年度清单还没有项目。</p>;
  }
  return (
    <>
      {/* desktop and tablet */}
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
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
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {projects.map((p) => (
              <tr key={p.id} data-testid={`project-row-${p.code}`}>
                <td className="px-3 py-2">
                  <span className="font-medium">{p.name}</span>
                  {p.isDemo && <span className="ml-1 rounded bg-violet-100 px-1 text-xs text-violet-700">演示数据</span>}
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* phone */}
      <ul className="space-y-3 md:hidden" data-testid="project-cards">
        {projects.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-3">
            <div className="flex items-start justify-between gap-2">
              <div>
                <p className="font-medium">{p.name}</p>
                <p className="text-xs text-slate-500">
                  {p.code} · {p.parkName}
                </p>
              </div>
              <span className="shrink-0 rounded bg-slate-100 px-2 py-0.5 text-xs">{PROJECT_STATUS_LABEL[p.status]}</span>
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
