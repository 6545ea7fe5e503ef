import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { requireActor } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getIssueLedger, listIssueYears, type IssueFilters } from "@/server/issues/queries";
import { listParks } from "@/server/parks/queries";
import { IssueStatusBadge } from "@/components/issues/issue-status";
import { Pagination } from "@/components/common/pagination";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { ISSUE_CATEGORY_LABEL, ISSUE_STATUS_LABEL } from "@/lib/labels";
import { formatDay } from "@/lib/month";
import { intParam, queryString, type RawSearchParams } from "@/lib/search-params";
import type { IssueCategory, IssueStatus } from "@/generated/prisma/enums";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "问题台账" };

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

export default async function IssuesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireActor("/issues");
  const sp = await searchParams;
  const one = (name: string) => (Array.isArray(sp[name]) ? sp[name][0] : sp[name]) as string | undefined;
  const year = intParam(sp, "year");
  const filters: IssueFilters = {
    status: pick(one("status"), Object.keys(ISSUE_STATUS_LABEL) as IssueStatus[]),
    category: pick(one("category"), Object.keys(ISSUE_CATEGORY_LABEL) as IssueCategory[]),
    parkId: intParam(sp, "park"),
    overdue: one("overdue") === "1",
    year: year !== undefined && year >= 2000 && year <= 2100 ? year : undefined,
  };
  const prisma = db();
  // one query at a time: the embedded database serves few connections
  const ledger = await getIssueLedger(prisma, filters, { page: intParam(sp, "page"), size: intParam(sp, "size") });
  const { issues, total, closed, overdue, closureRate: rate, page, pages, size } = ledger;
  const parks = await listParks(prisma);
  const years = await listIssueYears(prisma);
  const mayRaise = can(actor, "issue.write");
  const pageHref = (n: number) =>
    `/issues${queryString({
      status: filters.status,
      category: filters.category,
      park: filters.parkId,
      overdue: filters.overdue ? 1 : undefined,
      year: filters.year,
      size: size === 20 ? undefined : size,
      page: n === 1 ? undefined : n,
    })}`;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">问题台账</h1>
        {mayRaise && (
          <Link href="/issues/new" className={buttonClass}>
            反映问题
          </Link>
        )}
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="issue-stats">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">问题总数</dt>
          <dd className="num text-xl font-semibold" data-testid="issue-total">{total}个</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">已办结</dt>
          <dd className="num text-xl font-semibold" data-testid="issue-closed">{closed}个</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">办结率（已办结 ÷ 全部）</dt>
          <dd className="num text-xl font-semibold" data-testid="closure-rate">{rate ?? "—"}</dd>
        </div>
        <div className={`rounded-lg border p-3 ${overdue > 0 ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}>
          <dt className="text-xs text-slate-500">逾期未办结</dt>
          <dd className={`num text-xl font-semibold ${overdue > 0 ? "text-red-700" : ""}`} data-testid="overdue-count">{overdue}个</dd>
        </div>
      </dl>

      <form method="get" className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-6" aria-label="筛选">
        <label className="text-sm">
          <span className="block text-slate-600">年度</span>
          <select name="year" defaultValue={filters.year ?? ""} className={inputClass}>
            <option value="">全部</option>
            {years.map((y) => (
              <option key={y} value={y}>{y}年</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">状态</span>
          <select name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">全部</option>
            {Object.entries(ISSUE_STATUS_LABEL).map(([k, l]) => (
              <option key={k} value={k}>{l}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">类别</span>
          <select name="category" defaultValue={filters.category ?? ""} className={inputClass}>
            <option value="">全部</option>
            {Object.entries(ISSUE_CATEGORY_LABEL).map(([k, l]) => (
              <option key={k} value={k}>{l}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">县区园区</span>
          <select name="park" defaultValue={filters.parkId ?? ""} className={inputClass}>
            <option value="">全部</option>
            {parks.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </label>
        <label className="flex items-end gap-2 pb-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} className="h-4 w-4" />
          只看逾期
        </label>
        {size !== 20 && <input type="hidden" name="size" value={size} />}
        <div className="flex items-end gap-2">
          <button type="submit" className={secondaryButtonClass}>筛选</button>
          <Link href="/issues" className="pb-2 text-sm text-sky-700 hover:underline">清除</Link>
        </div>
      </form>

      {total > 0 && (
        <p className="text-sm text-slate-600" data-testid="issue-page-info">
          共{total}个，第{page}/{pages}页（每页{size}个，逾期的在前）
        </p>
      )}

      {issues.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-600">没有符合条件的问题。</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="issue-list">
          {issues.map((i) => (
            <li key={i.id} className={`p-3 ${i.overdue ? "bg-red-50" : ""}`} data-testid={`issue-${i.id}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/issues/${i.id}`} className={`font-medium hover:underline ${i.overdue ? "text-red-700" : "text-slate-900"}`}>
                  {i.title}
                </Link>
                <IssueStatusBadge status={i.status} overdue={i.overdue} />
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {ISSUE_CATEGORY_LABEL[i.category]}
                {i.subCategory && ` · ${i.subCategory}`} · {i.projectName ?? i.parkName ?? "全园区"}
                {i.projectName && i.parkName && `（${i.parkName}）`}
              </p>
              <p className="mt-1 text-xs text-slate-500">
                {i.responsibleUnit && `责任单位：${i.responsibleUnit} · `}
                {i.responsibleLeader && `包保领导：${i.responsibleLeader} · `}
                {i.dueDate && <span className={i.overdue ? "font-medium text-red-700" : ""}>办结时限：{formatDay(i.dueDate)}</span>}
                {i.closedDate && ` · 办结于 ${formatDay(i.closedDate)}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} href={pageHref} />
    </div>
  );
}
