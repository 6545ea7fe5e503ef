"use server";
// Form actions of the Excel import: upload (→ preview, stored when clean), apply, discard. The
// upload reads a file, so it cannot use the string-only formAction wrapper; it follows the same
// steps (hygiene of its text field, schema, the signed-in actor, the service checks permission)
// and answers every expected failure with a message. The body limit for server actions is set
// deliberately in next.config.ts (6 MB, counted by Next.js while reading); the service refuses
// anything over MAX_UPLOAD_BYTES (5 MB) with its own message.
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { currentActor } from "@/server/auth/current";
import { formAction, isForm, NOT_A_FORM, refreshAll, toActionState } from "@/server/safe-action";
import type { ActionState } from "@/server/action-state";
import { hygieneErrors } from "@/lib/schemas/text";
import { formatMonth } from "@/lib/month";
import { applyImport, applyImportSchema, discardImport, importUploadSchema, PREVIEW_ERROR_ROWS, previewImport, type PreviewRow } from "./import-service";
import { MAX_UPLOAD_BYTES } from "./zip-guard";

export type UploadState = ActionState & {
  counts?: { change: number; unchanged: number; skipped: number; error: number };
  /** the rows with errors (at most PREVIEW_ERROR_ROWS), or the rows that change when nothing is stored */
  rows?: PreviewRow[];
  fileName?: string;
};

export async function uploadImportAction(_prev: UploadState, formData: FormData): Promise<UploadState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const month = formData.get("month");
  const file = formData.get("file");
  const values = { month: typeof month === "string" ? month : "" };
  const odd = hygieneErrors(values);
  if (Object.keys(odd).length) return { ok: false, message: "请检查标红的字段。", fieldErrors: odd, values };
  const parsed = importUploadSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "请检查标红的字段。", fieldErrors: { month: [parsed.error.issues[0].message] }, values };
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
    return { ok: false, message: "请选择要上传的 Excel 文件（.xlsx）。", fieldErrors: { file: ["请选择文件"] }, values };
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    return { ok: false, message: `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，不予读取。调度表通常不到 1 MB，请检查是否选错了文件。`, values };
  }
  let batchId: number | null = null;
  try {
    const bytes = Buffer.from(await file.arrayBuffer());
    const result = await previewImport(db(), await currentActor(), { month: parsed.data.month, fileName: file.name, bytes });
    if (!result.ok) {
      const rows = result.preview?.rows.filter((r) => r.kind === "error").slice(0, PREVIEW_ERROR_ROWS) ?? [];
      return { ok: false, message: result.message, counts: result.preview?.counts, rows, fileName: result.preview?.fileName, values };
    }
    batchId = result.batchId;
  } catch (e) {
    return toActionState(e, values);
  }
  redirect(`/imports/${batchId}`);
}

export const applyImportAction = formAction(applyImportSchema, async (actor, input) => {
  const { applied, month } = await applyImport(db(), actor, input.batchId);
  refreshAll();
  return `已导入：${formatMonth(month)}${applied}个项目的月报已提交，等待园区审核。`;
});

export const discardImportAction = formAction(applyImportSchema, async (actor, input) => {
  await discardImport(db(), actor, input.batchId);
  return "已放弃这次导入，未做任何更改。";
});
