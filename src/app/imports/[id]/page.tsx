import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { getImportBatch } from "@/server/excel/import-service";
import { NotFoundError } from "@/server/errors";
import { ApplyForms } from "@/components/excel/import-forms";
import { PROGRESS_STAGE_LABEL, REPORT_STATUS_LABEL } from "@/lib/labels";
import { formatMonth, formatDateTime } from "@/lib/month";
import { formatWan } from "@/lib/money";
import { ScrollTable } from "@/components/common/scroll-table";
import { Th } from "@/components/common/table";
import { can } from "@/server/auth/permissions";
import { TechDetails } from "@/components/common/tech-details";

export const dynamic = "force-dynamic";

/** The preview's columns: heading, and whether it holds amounts (right-aligned). */
const PREVIEW_COLUMNS: Array<[string, boolean]> = [
  ["行号", false],
  ["项目", false],
  ["本月完成投资", true],
  ["开工至今累计", true],
  ["形象进度", false],
  ["说明", false],
];
export const metadata: Metadata = { title: "导入预览" };

/** Rows shown on the page; the count and the apply cover all of them. */
const SHOWN = 500;
const wan = (v: string | null | undefined) => (v === null || v === undefined ? "—" : formatWan(v, { unit: false }));

export default async function ImportPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(id)) notFound();
  const actor = await requirePermission("monthlyReport.import", `/imports/${id}`);
  let batch;
  try {
    batch = await getImportBatch(db(), actor, Number(id));
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const rows = batch.rows;
  const status = batch.status === "PENDING" ? "待确认" : batch.status === "APPLIED" ? `已导入（${batch.appliedAt ? formatDateTime(batch.appliedAt) : ""}）` : "已放弃";

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">
          导入预览 · <span className="whitespace-nowrap">{formatMonth(batch.month)}</span>
        </h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="batch-summary">
          文件“{batch.fileName}”：{batch.changeCount}个项目的本月数字将改变，导入后作为新的填报版本提交园区审核。状态：{status}。
        </p>
        <p className="text-xs text-slate-500">上传于 {formatDateTime(batch.createdAt)}。金额单位：万元。</p>
        {can(actor, "user.manage") && <TechDetails testId="batch-checksum">文件校验值（SHA-256）：{batch.sha256}</TechDetails>}
      </div>
      <ApplyForms batchId={batch.id} changes={batch.changeCount} pending={batch.status === "PENDING"} />
      <ScrollTable className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="preview-table">
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              {/* 形象进度 and 说明 on a phone too: the table scrolls sideways, marked, rather than hide them */}
              {PREVIEW_COLUMNS.map(([label, numeric]) => (
                <Th key={label} numeric={numeric} className="px-3 py-2 whitespace-nowrap">
                  {label}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <tr key={r.rowNo} className="border-t border-slate-100 align-top" data-testid="preview-row">
                <td className="num px-3 py-2 whitespace-nowrap">第{r.rowNo}行</td>
                <td className="px-3 py-2">
                  <span className="whitespace-nowrap font-medium">{r.code}</span>
                  <span className="block text-xs text-slate-500">
                    {r.name} · {r.parkName}
                  </span>
                  <span className="block text-xs text-slate-500">{r.before ? `本月现有：${REPORT_STATUS_LABEL[r.before.status]}` : "本月尚未填报"}</span>
                </td>
                <td className="num px-3 py-2 text-right whitespace-nowrap">
                  {r.before && <span className="block text-xs text-slate-400 line-through">{wan(r.before.monthInvestment)}</span>}
                  {wan(r.after?.monthInvestment)}
                </td>
                <td className="num px-3 py-2 text-right whitespace-nowrap">
                  <span className="block text-xs text-slate-400">
                    {r.before ? (
                      <span className="line-through">{wan(r.before.cumulativeInvestment)}</span>
                    ) : r.previous ? (
                      `上期 ${wan(r.previous.cumulativeInvestment)}`
                    ) : (
                      "此前未报"
                    )}
                  </span>
                  {wan(r.after?.cumulativeInvestment)}
                </td>
                <td className="min-w-40 px-3 py-2">
                  {r.after?.progressStage && <span className="mr-1 rounded bg-slate-100 px-1.5 text-xs text-slate-700">{PROGRESS_STAGE_LABEL[r.after.progressStage]}</span>}
                  {r.after?.progressText}
                </td>
                <td className="min-w-32 px-3 py-2 text-xs text-slate-600">{[...r.notes, r.after?.explanation].filter(Boolean).join("；") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length > SHOWN && (
          <p className="px-3 py-2 text-sm text-slate-600">
            页面只列出前{SHOWN}行，确认导入时包括全部{rows.length}行。
          </p>
        )}
      </ScrollTable>
      <Link href={`/imports?month=${batch.month}`} className="text-sm text-sky-700 hover:underline">
        重新上传
      </Link>
    </div>
  );
}
