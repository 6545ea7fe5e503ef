import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { AUDIT_PAGE_SIZE, listAudit } from "@/server/audit/queries";
import { AUDIT_ACTIONS, auditActionLabel } from "@/server/audit/names";
import { Pagination } from "@/components/common/pagination";
import { inputClass, secondaryButtonClass } from "@/components/forms/field";
import { textProblem } from "@/lib/schemas/text";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "操作日志" };

const dateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: process.env.APP_TIMEZONE || "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});


const show = (v: unknown) => (v === undefined ? "" : v === null ? "—" : typeof v === "string" ? v : JSON.stringify(v, null, 1));

/** Field-by-field before/after; changed fields first and marked. */
function Diff({ before, after }: { before: unknown; after: unknown }) {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0) return <p className="text-xs text-slate-500">无字段记录</p>;
  const changed = (k: string) => JSON.stringify(b[k]) !== JSON.stringify(a[k]);
  keys.sort((x, y) => Number(changed(y)) - Number(changed(x)));
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[20rem] table-fixed text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="w-28 py-1 pr-2 font-medium sm:w-48">字段</th>
            <th className="py-1 pr-2 font-medium">修改前</th>
            <th className="py-1 font-medium">修改后</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k} className={`align-top ${changed(k) && before ? "bg-amber-50" : ""}`}>
              <td className="break-all py-0.5 pr-2 font-mono text-slate-600">{k}</td>
              <td className="whitespace-pre-wrap break-all py-0.5 pr-2">{k in b ? show(b[k]) : ""}</td>
              <td className="whitespace-pre-wrap break-all py-0.5">{k in a ? show(a[k]) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("audit.read", "/admin/audit");
  const sp = await searchParams;
  const clean = (s: string | undefined, max: number) => (typeof s === "string" && s.length <= max && !textProblem(s) ? s : undefined);
  const filters = {
    entity: clean(sp.entity, 40),
    user: clean(sp.user, 60),
    action: clean(sp.action, 40),
    page: /^[0-9]{1,6}$/.test(sp.page ?? "") ? Math.max(1, Number(sp.page)) : 1,
  };
  const { rows, total, page, pages, entities, actors } = await listAudit(db(), filters);
  const link = (page: number) => {
    const q = new URLSearchParams();
    if (filters.entity) q.set("entity", filters.entity);
    if (filters.user) q.set("user", filters.user);
    if (filters.action) q.set("action", filters.action);
    q.set("page", String(page));
    return `/admin/audit?${q}`;
  };
  return (
    <div className="space-y-4">
      <Link href="/admin" className="text-sm text-sky-700 hover:underline">← 返回管理</Link>
      <h1 className="text-2xl font-semibold">操作日志</h1>
      <form method="get" className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-4" aria-label="筛选">
        <label className="text-sm">
          <span className="block text-slate-600">对象</span>
          <select name="entity" defaultValue={filters.entity ?? ""} className={inputClass}>
            <option value="">全部</option>
            {entities.map((e) => (
              <option key={e} value={e}>{e}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">操作人</span>
          <select name="user" defaultValue={filters.user ?? ""} className={inputClass}>
            <option value="">全部</option>
            {actors.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">操作</span>
          <select name="action" defaultValue={filters.action ?? ""} className={inputClass}>
            <option value="">全部</option>
            {Object.entries(AUDIT_ACTIONS).map(([k, l]) => (
              <option key={k} value={k}>{l}</option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className={secondaryButtonClass}>筛选</button>
          <Link href="/admin/audit" className="pb-2 text-sm text-sky-700 hover:underline">清除</Link>
        </div>
      </form>
      <p className="text-sm text-slate-600" data-testid="audit-total">
        共 {total} 条，第 {page}/{pages} 页（每页 {AUDIT_PAGE_SIZE} 条，最新在前）
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-600">没有符合条件的记录。</p>
      ) : (
        <ol className="space-y-2" data-testid="audit-list">
          {rows.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="audit-row">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                <span className="font-medium">{auditActionLabel(r.action)}</span>
                <span className="text-slate-600">
                  {r.entity} #{r.entityId}
                </span>
                <span className="text-slate-600">操作人：{r.actor}</span>
                <span className="num text-xs text-slate-500">{dateTime.format(r.createdAt)}</span>
                {r.ip && <span className="text-xs text-slate-400">{r.ip}</span>}
              </div>
              {(r.before !== null || r.after !== null) && (
                <div className="mt-2">
                  <Diff before={r.before} after={r.after} />
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
