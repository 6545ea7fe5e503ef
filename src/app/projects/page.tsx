import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { resolvePlanYear } from "@/server/plans/queries";
import { YearSelect } from "@/components/common/year-select";
import { Pagination } from "@/components/common/pagination";
import { getProjectListPage } from "@/server/figures/project-list";
import { listIndustries, listParks } from "@/server/parks/queries";
import { EmptyState } from "@/components/common/badges";
import { PublicationNote } from "@/components/figures/publication-note";
import { FigureTable } from "@/components/figures/figure-table";
import { PROJECT_STATUS_LABEL } from "@/lib/labels";
import { WARNING_LABEL } from "@/lib/warnings";
import { PAGE_SIZE, parseProjectListParams, SORT_VALUES, STATUS_VALUES, WARNING_FILTERS, type ProjectListParams } from "@/lib/project-list";
import { queryString, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "项目库" };

const SORT_LABEL = {
  list: "清单顺序",
  total: "总投资",
  annual: "年度计划投资",
  year: "本年完成投资",
  completed: "开工至今累计完成",
  rate: "年度投资完成率",
  totalRate: "开累完成率",
  lag: "落后月度计划",
} as const;
const WARNING_FILTER_LABEL = { red: WARNING_LABEL.red, yellow: WARNING_LABEL.yellow, green: "绿色（正常）", stale: "未报" } as const;

function href(params: ProjectListParams, over: Partial<ProjectListParams>): string {
  const p = { ...params, ...over };
  return `/projects${queryString({
    year: p.year,
    park: p.park,
    status: p.status,
    industry: p.industry,
    warning: p.warning,
    q: p.q,
    sort: p.sort === "list" ? undefined : p.sort,
    dir: p.sort === "list" && p.dir === "asc" ? undefined : p.dir,
    page: p.page > 1 ? p.page : undefined,
    size: p.size !== PAGE_SIZE ? p.size : undefined,
  })}`;
}

function SortHeader({ params, sort, children, className = "" }: { params: ProjectListParams; sort: ProjectListParams["sort"]; children: React.ReactNode; className?: string }) {
  const active = params.sort === sort;
  const nextDir = active && params.dir === "desc" ? "asc" : "desc";
  return (
    <th scope="col" className={`whitespace-nowrap px-3 py-2 align-bottom font-medium ${className}`} aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={href(params, { sort, dir: nextDir, page: 1 })} className="inline-flex items-end gap-1 hover:text-slate-900" data-testid={`sort-${sort}`}>
        {children}
        <span aria-hidden className="text-xs">{active ? (params.dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </Link>
    </th>
  );
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseProjectListParams(await searchParams);
  const prisma = db();
  const { years, year } = await resolvePlanYear(prisma, params.year);
  if (year === undefined) return <EmptyState>还没有年度重大项目计划。</EmptyState>;
  const [parks, industries, page] = await Promise.all([listParks(prisma), listIndustries(prisma, year), getProjectListPage(prisma, year, params)]);
  const current = { ...params, year: params.year === undefined ? undefined : year };
  const anyFilter = params.park || params.status || params.industry || params.warning || params.q;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">项目库</h1>
        <p className="mt-1 text-sm text-slate-600">{year}年重大项目清单：已发布的月度调度数据，只计审核通过的数字；未报的项目沿用其最近一次审核通过的累计数，并标明月份。</p>
        <PublicationNote pub={page.pub} year={year} />
      </div>

      <form method="get" action="/projects" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="筛选项目">
        <label className="flex flex-col text-sm">
          <span className="text-xs text-slate-500">搜索（名称、代码、企业）</span>
          <input type="search" name="q" defaultValue={params.q ?? ""} className="rounded border border-slate-300 px-2 py-1" placeholder="如：金石" />
        </label>
        {years.length > 1 && (
          <label className="flex flex-col text-sm">
            <span className="text-xs text-slate-500">年度</span>
            <YearSelect years={years} year={year} />
          </label>
        )}
        <label className="flex flex-col text-sm">
          <span className="text-xs text-slate-500">县区园区</span>
          <select name="park" defaultValue={params.park ? String(params.park) : ""} className="rounded border border-slate-300 bg-white px-2 py-1">
            <option value="">全部</option>
            {parks.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-xs text-slate-500">状态</span>
          <select name="status" defaultValue={params.status ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1">
            <option value="">全部</option>
            {STATUS_VALUES.map((s) => (
              <option key={s} value={s}>{PROJECT_STATUS_LABEL[s]}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-xs text-slate-500">产业</span>
          <select name="industry" defaultValue={params.industry ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1">
            <option value="">全部</option>
            {industries.map((i) => (
              <option key={i} value={i}>{i}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-xs text-slate-500">预警</span>
          <select name="warning" defaultValue={params.warning ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1">
            <option value="">全部</option>
            {WARNING_FILTERS.map((w) => (
              <option key={w} value={w}>{WARNING_FILTER_LABEL[w]}</option>
            ))}
          </select>
        </label>
        {params.size !== PAGE_SIZE && <input type="hidden" name="size" value={params.size} />}
        <div className="grid grid-cols-2 gap-2">
          <label className="flex flex-col text-sm">
            <span className="text-xs text-slate-500">排序</span>
            <select name="sort" defaultValue={params.sort} className="rounded border border-slate-300 bg-white px-2 py-1">
              {SORT_VALUES.map((s) => (
                <option key={s} value={s}>{SORT_LABEL[s]}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            <span className="text-xs text-slate-500">顺序</span>
            <select name="dir" defaultValue={params.dir} className="rounded border border-slate-300 bg-white px-2 py-1">
              <option value="desc">从大到小</option>
              <option value="asc">从小到大</option>
            </select>
          </label>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded bg-slate-800 px-4 py-1.5 text-sm text-white hover:bg-slate-700">筛选</button>
          {anyFilter && (
            <Link href={href({ ...current, park: undefined, status: undefined, industry: undefined, warning: undefined, q: undefined }, { page: 1 })} className="text-sm text-blue-700 hover:underline">
              清除筛选
            </Link>
          )}
        </div>
      </form>

      <p className="text-sm text-slate-600" data-testid="result-count" aria-live="polite">
        共{page.total}个项目{page.pages > 1 && `，第${page.page}/${page.pages}页`}
      </p>

      {page.total === 0 ? (
        page.pub && <EmptyState>没有符合条件的项目。{anyFilter && "请放宽筛选条件。"}</EmptyState>
      ) : (
        <>
          <FigureTable
            rows={page.rows}
            testId="projects"
            sortHeader={(sort, label, className) => (
              <SortHeader key={sort} params={current} sort={sort} className={className}>
                <span>{label}</span>
              </SortHeader>
            )}
          />
          <Pagination page={page.page} pages={page.pages} href={(n) => href(current, { page: n })} />
        </>
      )}
    </div>
  );
}
