import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getIssueLedger, listIssueLeaders, listIssueYears, parseIssueFilters } from "@/server/issues/queries";
import { resolveParkFilter } from "@/server/parks/park-filter";
import { IssueList } from "@/components/issues/issue-list";
import { ExportLink } from "@/components/excel/export-link";
import { LIST_EXPORT_LIMIT } from "@/server/excel/exports";
import { FilterBar, labelOptions, type FilterOption } from "@/components/common/filter-bar";
import { Pagination } from "@/components/common/pagination";
import { buttonClass, secondaryButtonClass } from "@/components/forms/field";
import { issueEscalationDays } from "@/domain/overdue";
import { ISSUE_STATUS_LABEL } from "@/lib/labels";
import { ISSUE_TOP_CATEGORIES, ISSUE_TOP_CATEGORY_LABEL, subCategoriesOf } from "@/domain/issue-categories";
import { intParam, queryString, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "问题台账" };

export default async function IssuesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("data.read", "/issues");
  const sp = await searchParams;
  const prisma = db();
  const years = await listIssueYears(prisma);
  const leaders = await listIssueLeaders(prisma);
  const parsed = parseIssueFilters(sp, years[0], leaders);
  const { allYears } = parsed;
  const parkFilter = await resolveParkFilter(prisma, sp);
  const filters = { ...parsed.filters, parkId: parkFilter.parkId };
  // one query at a time: the embedded database serves few connections
  const ledger = await getIssueLedger(prisma, filters, { page: intParam(sp, "page"), size: intParam(sp, "size") });
  const { issues, total, closed, overdue, escalated, closureRate: rate, page, pages, size } = ledger;
  const mayRaise = can(actor, "issue.write");
  const anyFilter =
    filters.status || filters.category || filters.parkId !== undefined || filters.overdue || filters.escalated || filters.leader || (filters.year !== years[0] && years.length > 1);
  const listHref = (n: number, park = filters.parkId) =>
    `/issues${queryString({
      status: filters.status,
      category: filters.subCategory ?? filters.category,
      park,
      overdue: filters.overdue ? 1 : undefined,
      escalated: filters.escalated ? 1 : undefined,
      leader: filters.leader,
      year: allYears ? "all" : filters.year,
      size: size === 20 ? undefined : size,
      page: n === 1 ? undefined : n,
    })}`;

  const pageHref = (n: number) => listHref(n);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">问题台账</h1>
        <div className="flex flex-wrap gap-2">
          <Link href={`/issues/stats${queryString({ year: filters.year })}`} className={secondaryButtonClass}>
            办结统计
          </Link>
          {mayRaise && (
            <Link href="/issues/new" className={buttonClass}>
              反映问题
            </Link>
          )}
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="issue-stats">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">问题总数</dt>
          <dd className="num text-xl font-semibold" data-testid="issue-total">
            {total}个
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">已办结</dt>
          <dd className="num text-xl font-semibold" data-testid="issue-closed">
            {closed}个
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">办结率（已办结 ÷ 全部）</dt>
          <dd className="num text-xl font-semibold" data-testid="closure-rate">
            {rate ?? "—"}
          </dd>
        </div>
        <div className={`rounded-lg border p-3 ${overdue > 0 ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}>
          <dt className="text-xs text-slate-600">逾期未办结</dt>
          <dd className={`num text-xl font-semibold ${overdue > 0 ? "text-red-700" : ""}`} data-testid="overdue-count">
            {overdue}个
          </dd>
        </div>
        <div className={`col-span-2 rounded-lg border p-3 sm:col-span-1 ${escalated > 0 ? "border-red-400 bg-red-50" : "border-slate-200 bg-white"}`}>
          <dt className="text-xs text-slate-600">已升级督办（逾期超过{issueEscalationDays()}天）</dt>
          <dd className={`num text-xl font-semibold ${escalated > 0 ? "text-red-800" : ""}`} data-testid="escalated-count">
            {escalated}个
          </dd>
        </div>
      </dl>

      <FilterBar
        label="筛选"
        fields={[
          {
            kind: "select",
            name: "year",
            label: "年度",
            value: allYears ? "all" : filters.year,
            options: [{ value: "all", label: "全部年度" }, ...years.map((y) => ({ value: y, label: `${y}年` }))],
          },
          { kind: "select", name: "status", label: "状态", value: filters.status, all: "全部", options: labelOptions(ISSUE_STATUS_LABEL) },
          { kind: "select", name: "category", label: "类别", value: filters.subCategory ?? filters.category, all: "全部", options: issueCategoryOptions() },
          { kind: "park", name: "park", label: "县区园区", filter: parkFilter, href: (park) => listHref(1, park) },
          { kind: "select", name: "leader", label: "包保领导", value: filters.leader, all: "全部", options: leaders.map((l) => ({ value: l, label: l })) },
          { kind: "checkbox", name: "overdue", label: "只看逾期", checked: filters.overdue === true },
          { kind: "checkbox", name: "escalated", label: "只看已升级督办", checked: filters.escalated === true },
        ]}
        keep={{ size: size === 20 ? undefined : size }}
        reset={anyFilter ? { href: "/issues", label: "清除筛选" } : null}
      />

      {total > 0 && (
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-sm text-slate-600" data-testid="issue-page-info">
            共{total}个，第{page}/{pages}页（每页{size}个，逾期的在前）
          </p>
          <ExportLink href={pageHref(1).replace(/^\/issues/, "/issues/export")} cap={LIST_EXPORT_LIMIT} testId="issues-export" />
        </div>
      )}

      <IssueList issues={issues} empty="没有符合条件的问题。" />
      <Pagination page={page} pages={pages} href={pageHref} />
    </div>
  );
}

/** The category filter in two levels: each top category (all its sub-categories), then each sub-category. */
function issueCategoryOptions(): FilterOption[] {
  return ISSUE_TOP_CATEGORIES.flatMap((c) => [
    { value: c, label: `${ISSUE_TOP_CATEGORY_LABEL[c]}（全部）`, group: ISSUE_TOP_CATEGORY_LABEL[c] },
    ...subCategoriesOf(c).map((s) => ({ value: s.code, label: s.label, group: ISSUE_TOP_CATEGORY_LABEL[c] })),
  ]);
}
