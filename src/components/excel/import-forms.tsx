"use client";
// The import's forms: upload a filled 调度表 (its errors listed per row and cell), apply or
// discard a previewed batch.
import { useActionState, useState } from "react";
import { applyImportAction, discardImportAction, uploadImportAction, type UploadState } from "@/server/excel/actions";
import { initialActionState } from "@/server/action-state";
import { Field, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { IMPORT_MAX_BYTES as MAX_BYTES } from "@/lib/upload-limits";

export function UploadForm({ month, maxMonth }: { month: string; maxMonth: string }) {
  const [state, action, busy] = useActionState<UploadState, FormData>(uploadImportAction, initialActionState);
  const [tooBig, setTooBig] = useState(false);
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-end gap-3" aria-label="上传调度表">
        <Field name="import-month" label="填报月份" errors={state.fieldErrors?.month}>
          <input id="import-month" type="month" name="month" defaultValue={state.values?.month || month} max={maxMonth} required className={inputClass} />
        </Field>
        <Field
          name="import-file"
          label="填好的调度表（.xlsx，不超过 5 MB）"
          errors={tooBig ? ["文件超过 5 MB：调度表通常不到 1 MB，请检查是否选错了文件。"] : state.fieldErrors?.file}
        >
          <input
            id="import-file"
            type="file"
            name="file"
            required
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setTooBig((e.currentTarget.files?.[0]?.size ?? 0) > MAX_BYTES)}
            className="block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2"
          />
        </Field>
        <button type="submit" disabled={busy || tooBig} className={buttonClass}>
          {busy ? "正在读取并检查…" : "上传并预览"}
        </button>
      </form>
      <FormMessage ok={false} message={state.message} />
      {state.counts && (
        <p className="text-sm text-slate-600" data-testid="upload-counts">
          {state.fileName}：将修改 {state.counts.change} 行，与系统相同 {state.counts.unchanged} 行，未填本月 {state.counts.skipped} 行，有错误 {state.counts.error} 行。
        </p>
      )}
      {state.rows && state.rows.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-red-200 bg-white">
          <table className="w-full text-sm" data-testid="upload-errors">
            <caption className="px-3 py-2 text-left text-sm font-medium text-red-800">请修改以下单元格后重新上传（整个文件未导入）</caption>
            <thead className="bg-red-50 text-left text-xs text-slate-600">
              <tr>
                <th className="px-3 py-1 whitespace-nowrap">行号</th>
                <th className="px-3 py-1 whitespace-nowrap">项目</th>
                <th className="px-3 py-1 whitespace-nowrap">列</th>
                <th className="px-3 py-1">问题</th>
              </tr>
            </thead>
            <tbody>
              {state.rows.flatMap((r) =>
                r.errors.map((e, i) => (
                  <tr key={`${r.rowNo}-${i}`} className="border-t border-red-100 align-top" data-testid="upload-error">
                    <td className="num px-3 py-1 whitespace-nowrap">第{r.rowNo}行</td>
                    <td className="px-3 py-1 whitespace-nowrap">
                      {r.code || "—"}
                      {r.name && <span className="block text-xs text-slate-500">{r.name}</span>}
                    </td>
                    <td className="px-3 py-1 whitespace-nowrap">{e.column}</td>
                    <td className="px-3 py-1 text-red-700">{e.message}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Rendered whatever the batch's status, so that the result stays shown after the page refreshes. */
export function ApplyForms({ batchId, changes, pending }: { batchId: number; changes: number; pending: boolean }) {
  const [applied, apply, applying] = useActionState(applyImportAction, initialActionState);
  const [discarded, discard, discarding] = useActionState(discardImportAction, initialActionState);
  if (applied.ok) return <FormMessage ok message={applied.message} />;
  if (discarded.ok) return <FormMessage ok message={discarded.message} />;
  if (!pending) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        <form action={apply} aria-label="确认导入">
          <input type="hidden" name="batchId" value={batchId} />
          <button type="submit" disabled={applying || discarding} className={buttonClass}>
            {applying ? "正在导入…" : `确认导入（${changes}个项目，提交审核）`}
          </button>
        </form>
        <form action={discard} aria-label="放弃导入">
          <input type="hidden" name="batchId" value={batchId} />
          <button type="submit" disabled={applying || discarding} className={secondaryButtonClass}>
            放弃
          </button>
        </form>
      </div>
      <FormMessage ok={false} message={applied.message ?? discarded.message} />
    </div>
  );
}
