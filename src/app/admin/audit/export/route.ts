// CSV export of the filtered audit log (the same filters as /admin/audit), for administrators
// and auditors (audit.read in the permission table). Written in batches as they are read, at most
// AUDIT_EXPORT_LIMIT rows, with a closing note when the list was longer.
import { db } from "@/server/db";
import { currentActor } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { AUDIT_EXPORT_LIMIT, auditExportStem, countAudit, exportAudit, parseAuditFilters } from "@/server/audit/queries";
import { CSV_BOM, CSV_HEADER, auditCsvLine, csvLine } from "@/server/audit/csv";
import { businessDate, formatDateTime } from "@/lib/month";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("请先登录。", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!can(actor, "audit.read")) return new Response("只有园区管理员和审计员可以导出操作日志。", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  const sp = Object.fromEntries(new URL(request.url).searchParams);
  const filters = parseAuditFilters(sp);
  const prisma = db();
  const total = await countAudit(prisma, filters);
  const encoder = new TextEncoder();
  const rows = exportAudit(prisma, filters);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(CSV_HEADER)));
    },
    async pull(controller) {
      try {
        const next = await rows.next();
        if (!next.done) {
          controller.enqueue(encoder.encode(next.value.map((r) => auditCsvLine(r, (d) => formatDateTime(d))).join("")));
          return;
        }
        if (total > AUDIT_EXPORT_LIMIT) {
          controller.enqueue(encoder.encode(csvLine([`注：共${total}条，仅导出最新的${AUDIT_EXPORT_LIMIT}条；请缩小日期范围或筛选条件后分次导出。`])));
        }
        controller.close();
      } catch (e) {
        console.error("[audit export]", e);
        controller.error(e);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  // the audit log is real time, whatever the business "today" (APP_TODAY)
  const day = businessDate(new Date());
  const name = `${auditExportStem(filters.view)}-${day}.csv`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${day}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
      "x-audit-rows": String(Math.min(total, AUDIT_EXPORT_LIMIT)),
      "x-audit-total": String(total),
    },
  });
}
