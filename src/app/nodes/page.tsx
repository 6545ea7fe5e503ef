import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { listAttentionNodes, listStartedNotEntered } from "@/server/nodes/queries";
import { listParks } from "@/server/parks/queries";
import { DemoBadge, EmptyState } from "@/components/common/badges";
import { Pagination } from "@/components/common/pagination";
import { NodeOwners, NodeStateBadge } from "@/components/nodes/node-state-badge";
import { businessDate, dayToDate, formatDay, formatMonth } from "@/lib/month";
import { formatYi } from "@/lib/money";
import { nodeDueSoonDays } from "@/domain/nodes";
import { intParam, oneOf, param, queryString, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "节点清单" };

const PAGE_SIZE = 30;

// 节点清单: the 超期 and 临期 nodes (state=overdue|due-soon), or the projects started but not
// 入库 (view=stats); by park (park=) and list year (year=). Filtered, sorted and paged in SQL.
export default async function NodesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const sp = await searchParams;
  const prisma = db();
  const today = businessDate();
  const dueSoonDays = nodeDueSoonDays();
  const view = param(sp, "view") === "stats" ? "stats" : "nodes";
  const state = oneOf(param(sp, "state"), ["overdue", "due-soon"] as const);
  const parks = await listParks(prisma);
  const parkId = parks.find((p) => p.id === intParam(sp, "park"))?.id;
  const year = intParam(sp, "year");
  const page = Math.max(1, intParam(sp, "page") ?? 1);
  const link = (over: Record<string, string | number | undefined>) => `/nodes${queryString({ view: view === "stats" ? "stats" : undefined, state, park: parkId, year, ...over })}`;

  const tabs: Array<[string, string, boolean]> = [
    [link({ view: undefined, state: undefined, page: undefined }), "临期和超期", view === "nodes" && !state],
    [link({ view: undefined, state: "overdue", page: undefined }), "超期", view === "nodes" && state === "overdue"],
    [link({ view: undefined, state: "due-soon", page: undefined }), `临期（${dueSoonDays}天内）`, view === "nodes" && state === "due-soon"],
    [link({ view: "stats", state: undefined, page: undefined }), "已开工未入库", view === "stats"],
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">节点清单</h1>
        <p className="text-sm text-slate-600">
          截至{formatDay(dayToDate(today))}（实时）{year ? ` · ${year}年清单项目` : ""}
        </p>
      </div>
      <nav aria-label="清单" className="flex flex-wrap gap-2 text-sm">
        {tabs.map(([href, label, active]) => (
          <Link
            key={label}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`rounded px-2 py-1 ${active ? "bg-slate-800 text-white" : "bg-white text-sky-700 ring-1 ring-slate-200"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <form method="get" className="flex flex-wrap items-center gap-2 text-sm" aria-label="按园区筛选">
        {view === "stats" && <input type="hidden" name="view" value="stats" />}
        {state && <input type="hidden" name="state" value={state} />}
        {year && <input type="hidden" name="year" value={year} />}
        <label htmlFor="park">县区园区</label>
        <select id="park" name="park" defaultValue={parkId ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1">
          <option value="">全部</option>
          {parks.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white">
          筛选
        </button>
      </form>
      {view === "stats" ? (
        <StatsList parkId={parkId} year={year} page={page} link={link} today={today} />
      ) : (
        <NodeList parkId={parkId} year={year} page={page} state={state} link={link} today={today} dueSoonDays={dueSoonDays} />
      )}
    </div>
  );
}

async function NodeList({
  parkId,
  year,
  page,
  state,
  link,
  today,
  dueSoonDays,
}: {
  parkId?: number;
  year?: number;
  page: number;
  state?: "overdue" | "due-soon";
  link: (o: Record<string, string | number | undefined>) => string;
  today: string;
  dueSoonDays: number;
}) {
  const first = await listAttentionNodes(db(), { today, dueSoonDays, parkId, year, only: state, page, size: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
  const { total, rows } = page > pages ? await listAttentionNodes(db(), { today, dueSoonDays, parkId, year, only: state, page: pages, size: PAGE_SIZE }) : first;
  if (total === 0) return <EmptyState>没有{state === "overdue" ? "超期" : state === "due-soon" ? "临期" : "临期或超期"}的节点。</EmptyState>;
  return (
    <>
      <p className="text-sm text-slate-600" data-testid="nodes-total">
        共{total}个节点
      </p>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="node-list">
        {rows.map((n) => (
          <li key={n.id} className="px-3 py-2 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span>
                <Link href={`/projects/${encodeURIComponent(n.projectCode)}`} className="text-sky-700 hover:underline">
                  {n.projectName}
                </Link>
                {" · "}
                {n.name}
                {n.isDemo && <DemoBadge />}
              </span>
              <NodeStateBadge state={n.state} planned={n.plannedDate.toISOString().slice(0, 10)} today={today} />
            </div>
            <p className="text-xs text-slate-500">
              {n.parkName} · 计划{formatDay(n.plannedDate)}
              <NodeOwners unit={n.responsibleUnit} person={n.responsiblePerson} />
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={Math.min(page, pages)} pages={pages} href={(p) => link({ page: p > 1 ? p : undefined })} showPosition />
    </>
  );
}

async function StatsList({
  parkId,
  year,
  page,
  link,
  today,
}: {
  parkId?: number;
  year?: number;
  page: number;
  link: (o: Record<string, string | number | undefined>) => string;
  today: string;
}) {
  const month = today.slice(0, 7);
  const { total, rows } = await listStartedNotEntered(db(), { month, parkId, year, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (total === 0) return <EmptyState>没有已开工未入库的项目（总投资500万元及以上）。</EmptyState>;
  return (
    <>
      <p className="text-sm text-slate-600" data-testid="stats-total">
        共{total}个项目已开工未入库（总投资500万元及以上）
      </p>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {rows.map((p) => (
          <li key={p.code} className="flex flex-wrap items-baseline justify-between gap-x-3 px-3 py-2 text-sm">
            <Link href={`/projects/${encodeURIComponent(p.code)}`} className="text-sky-700 hover:underline">
              {p.name}
              {p.isDemo && <DemoBadge />}
            </Link>
            <span className="whitespace-nowrap text-xs text-slate-500">
              {p.parkName} · {formatMonth(p.actualStartMonth)}开工 · 总投资{formatYi(p.totalInvestment)}
            </span>
          </li>
        ))}
      </ul>
      <Pagination page={Math.min(page, pages)} pages={pages} href={(p) => link({ page: p > 1 ? p : undefined })} showPosition />
    </>
  );
}
