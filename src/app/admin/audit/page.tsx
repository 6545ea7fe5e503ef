import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import {
  AUDIT_PAGE_SIZE,
  AUDIT_EXPORT_LIMIT,
  AUDIT_VIEW_LABEL,
  auditPeople,
  auditQuery,
  auditViewActions,
  listAudit,
  parseAuditFilters,
  type AuditFilters,
} from "@/server/audit/queries";
import { getRetentionDays } from "@/server/audit/retention";
import { AUDIT_ENTITY_LABEL, type DiffRow } from "@/server/audit/labels";
import { Pagination } from "@/components/common/pagination";
import { FilterBar } from "@/components/common/filter-bar";
import type { RawSearchParams } from "@/lib/search-params";
import { formatDateTime } from "@/lib/month";

import { ExportLink } from "@/components/excel/export-link";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "操作日志" };

/** Only the fields the entry changed: 字段 / 修改前 → 修改后; for a creation, 字段 / 内容. */
function Diff({ rows, created }: { rows: DiffRow[]; created: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[18rem] table-fixed text-left text-xs" data-testid="audit-diff">
        <thead className="text-slate-500">
          <tr>
            <th className="w-28 py-1 pr-2 font-medium sm:w-56">字段</th>
            {created ? (
              <th className="py-1 font-medium">内容</th>
            ) : (
              <>
                <th className="py-1 pr-2 font-medium">修改前</th>
                <th className="w-4 py-1" aria-hidden="true"></th>
                <th className="py-1 font-medium">修改后</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} className="align-top">
              <td className="break-words py-0.5 pr-2 text-slate-600">{r.label}</td>
              {created ? (
                <td className="whitespace-pre-wrap break-words py-0.5">{r.after}</td>
              ) : (
                <>
                  <td className="whitespace-pre-wrap break-words py-0.5 pr-2 text-slate-500">{r.before}</td>
                  <td className="py-0.5 text-slate-400" aria-hidden="true">
                    →
                  </td>
                  <td className="whitespace-pre-wrap break-words py-0.5">{r.after}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A view's address with no filters (the 清除 link and the tabs). */
function tabHref(view: AuditFilters["view"]) {
  return `/admin/audit${view === "changes" ? "" : `?view=${view}`}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("audit.read", "/admin/audit");
  const filters = parseAuditFilters(await searchParams);
  const logins = filters.view === "logins";
  const prisma = db();
  const { rows, total, page, pages } = await listAudit(prisma, filters);
  const people = await auditPeople(prisma);
  const retentionDays = await getRetentionDays(prisma);
  const actions = auditViewActions(filters.view);
  const link = (n: number) => `/admin/audit${auditQuery(filters, n)}`;
  const tab = (view: AuditFilters["view"]) => (
    <Link
      href={tabHref(view)}
      aria-current={filters.view === view ? "page" : undefined}
      className={`rounded-t border-b-2 px-3 py-2 text-sm ${filters.view === view ? "border-slate-800 font-medium" : "border-transparent text-sky-700 hover:underline"}`}
    >
      {AUDIT_VIEW_LABEL[view]}
    </Link>
  );
  return (
    <div className="space-y-4">
      {can(actor, "project.manage") && (
        <Link href="/admin" className="text-sm text-sky-700 hover:underline">
          ← 返回管理
        </Link>
      )}
      <h1 className="text-2xl font-semibold">操作日志</h1>
      <p className="text-sm text-slate-600" data-testid="audit-retention">
        操作日志由数据库保护：任何账号都不能修改或删除；每条记录至少保存{retentionDays}天，到期后也只能由服务器管理员按规定清理（清理本身也记入日志）。
      </p>
      <nav aria-label="日志类别" className="flex flex-wrap gap-1 border-b border-slate-200">
        {tab("changes")}
        {tab("logins")}
        {tab("accounts")}
      </nav>
      <FilterBar
        label="筛选"
        keep={{ view: filters.view === "changes" ? undefined : filters.view }}
        fields={[
          { kind: "select", name: "user", label: "操作人", all: "全部", options: people, value: filters.user },
          { kind: "select", name: "action", label: "操作", all: "全部", options: actions.map(([k, l]) => ({ value: k, label: l })), value: filters.action },
          !logins && {
            kind: "select",
            name: "entity",
            label: "对象",
            all: "全部",
            options: Object.entries(AUDIT_ENTITY_LABEL).map(([k, l]) => ({ value: k, label: l })),
            value: filters.entity,
          },
          { kind: "date", name: "from", label: "起始日期", value: filters.from },
          { kind: "date", name: "to", label: "截止日期", value: filters.to },
        ]}
        reset={{ href: tabHref(filters.view), label: "清除" }}
      />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-slate-600" data-testid="audit-total">
          共 {total} 条，第 {page}/{pages} 页（每页 {AUDIT_PAGE_SIZE} 条，最新在前）
        </p>
        <span className="flex flex-wrap gap-x-4">
          <ExportLink href={`/admin/audit/export-xlsx${auditQuery(filters)}`} cap={AUDIT_EXPORT_LIMIT} testId="audit-export-xlsx" />
          <a href={`/admin/audit/export${auditQuery(filters)}`} className="text-sm text-sky-700 hover:underline" download>
            导出CSV
          </a>
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-600">没有符合条件的记录。</p>
      ) : (
        <ol className="space-y-2" data-testid="audit-list">
          {rows.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="audit-row">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                <span className="font-medium">{r.actionLabel}</span>
                <span className="text-slate-700">{r.subject}</span>
                <span className="text-slate-600">操作人：{r.actorLabel}</span>
                <span className="num text-xs text-slate-500">{formatDateTime(r.createdAt, undefined, { seconds: true })}</span>
                {r.ip !== "—" && <span className="text-xs text-slate-500">IP：{r.ip}</span>}
              </div>
              {r.diff.length > 0 && (
                <div className="mt-2">
                  <Diff rows={r.diff} created={r.created} />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pages={pages} href={link} />
    </div>
  );
}
