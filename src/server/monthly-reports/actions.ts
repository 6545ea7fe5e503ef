"use server";
// Form actions for monthly reporting: each is built by the one action wrapper (src/server/safe-action.ts).
import { db } from "@/server/db";
import { formAction, refreshAll } from "@/server/safe-action";
import { monthlyReportSchema, reviewSchema, withdrawSchema } from "@/lib/schemas/monthly-report";
import { reviewMonthlyReport, saveMonthlyReport, withdrawMonthlyReport } from "@/server/monthly-reports/service";
import type { UploadedFile } from "@/server/photos/process";
import { formatMonth } from "@/lib/month";

/** The photo fields of the report form: ids kept from the current revision, then new files. */
function photoChanges(formData: FormData) {
  const keep = formData.getAll("keepPhoto").filter((v): v is string => typeof v === "string");
  const files: UploadedFile[] = formData
    .getAll("photos")
    .filter((v): v is File => typeof v !== "string")
    .map((f) => ({ name: f.name, size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) }));
  return { keep, files };
}

export const saveReportAction = formAction(monthlyReportSchema, async (actor, input, formData) => {
  const result = await saveMonthlyReport(db(), actor, input, photoChanges(formData));
  refreshAll();
  return result.status === "SUBMITTED" ? `${formatMonth(input.month!)}报表已提交（第${result.revisionNo}版），等待园区审核。` : `已保存草稿（第${result.revisionNo}版）。`;
});

// no revalidation: the review page keeps showing the decision next to the item; every other
// page is rendered fresh on its next visit
export const reviewReportAction = formAction(reviewSchema, async (actor, input) => {
  const status = await reviewMonthlyReport(db(), actor, input);
  return status === "APPROVED" ? (input.note ? "已审核通过，核实说明已记录。" : "已审核通过。") : `已退回县区，退回原因：${input.reason}`;
});

// no revalidation either: the page keeps the confirmation (with a link to edit the draft)
export const withdrawReportAction = formAction(withdrawSchema, async (actor, input) => {
  await withdrawMonthlyReport(db(), actor, input);
  return "已撤回，报表回到草稿状态，可修改后重新提交。";
});
