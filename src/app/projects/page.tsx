import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { resolvePlanYear } from "@/server/plans/queries";
import { FilterBar, labelOptions } from "@/components/common/filter-bar";
import { Pagination } from "@/components/common/pagination";
import { getProjectListPage } from "@/server/figures/project-list";
import { listPublicationIndustries } from "@/server/figures/queries";
import { resolveParkFilter } from "@/server/parks/park-filter";
import { EmptyState } from "@/components/common/badges";
import { PublicationNote } from "@/components/figures/publication-note";
import { FigureTable } from "@/components/figures/figure-table";
import { ExportLink } from "@/components/excel/export-link";
import { LIST_EXPORT_LIMIT } from "@/server/excel/exports";
import { PROJECT_STATUS_LABEL } from "@/lib/labels";
import { WARNING_LABEL } from "@/domain/warnings";
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
const DIR_OPTIONS = [
  { value: "desc", label: "从大到小" },
  { value: "asc", label: "从小到大" },
];
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
    <th
      scope="col"
      className={`whitespace-nowrap px-3 py-2 align-bottom font-medium ${className}`}
      aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <Link href={href(params, { sort, dir: nextDir, page: 1 })} className="inline-flex items-end gap-1 hover:text-slate-900" data-testid={`sort-${sort}`}>
        {children}
        <span aria-hidden className="text-xs">
          {active ? (params.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const sp = await searchParams;
  const prisma = db();
  const parsed = parseProjectListParams(sp);
  const [{ years, year }, parkFilter] = await Promise.all([resolvePlanYear(prisma, parsed.year), resolveParkFilter(prisma, sp)]);
  if (year === undefined) return <EmptyState>还没有年度重大项目计划。</EmptyState>;
  const params = { ...parsed, park: parkFilter.parkId };
  const page = await getProjectListPage(prisma, year, params);
  // the industries of the publication listed (its stored sums per 产业)
  const industries = page.pub ? await listPublicationIndustries(prisma, page.pub.publicationId) : [];
  const current = { ...params, year: params.year === undefined ? undefined : year };
  const anyFilter = params.park !== undefined || params.status || params.industry || params.warning || params.q;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">项目库</h1>
        <p className="mt-1 text-sm text-slate-600">{year}年重大项目清单：已发布的月度调度数据，只计审核通过的数字；未报的项目沿用其最近一次审核通过的累计数，并标明月份。</p>
        <PublicationNote pub={page.pub} year={year} />
      </div>

      <FilterBar
        label="筛选项目"
        action="/projects"
        fields={[
          { kind: "search", name: "q", label: "搜索（名称、代码、企业）", value: params.q, placeholder: "如：金石" },
          years.length > 1 && { kind: "select", name: "year", label: "年度", value: year, options: years.map((y) => ({ value: y, label: `${y}年` })) },
          { kind: "park", name: "park", label: "县区园区", filter: parkFilter, href: (park) => href(current, { park, page: 1 }) },
          { kind: "select", name: "status", label: "状态", value: params.status, all: "全部", options: labelOptions(PROJECT_STATUS_LABEL, STATUS_VALUES) },
          { kind: "select", name: "industry", label: "产业", value: params.industry, all: "全部", options: industries.map((i) => ({ value: i, label: i })) },
          { kind: "select", name: "warning", label: "预警", value: params.warning, all: "全部", options: labelOptions(WARNING_FILTER_LABEL, WARNING_FILTERS) },
          { kind: "select", name: "sort", label: "排序", value: params.sort, options: labelOptions(SORT_LABEL, SORT_VALUES) },
          { kind: "select", name: "dir", label: "顺序", value: params.dir, options: DIR_OPTIONS },
        ]}
        keep={{ size: params.size !== PAGE_SIZE ? params.size : undefined }}
        reset={
          anyFilter
            ? { href: href({ ...current, park: undefined, status: undefined, industry: undefined, warning: undefined, q: undefined }, { page: 1 }), label: "清除筛选" }
            : null
        }
      />

      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-slate-600" data-testid="result-count" aria-live="polite">
          共{page.total}个项目{page.pages > 1 && `，第${page.page}/${page.pages}页`}
        </p>
        {page.pub && page.total > 0 && <ExportLink href={href(current, { page: 1 }).replace(/^\/projects/, "/projects/export")} cap={LIST_EXPORT_LIMIT} testId="projects-export" />}
      </div>

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
