"use server";
// Form actions for monthly reporting: each is built by the one action wrapper (src/server/safe-action.ts).
import { db } from "@/server/db";
import { formAction, refreshAll } from "@/server/safe-action";
import { monthlyReportSchema, reviewSchema } from "@/lib/schemas/monthly-report";
import { reviewMonthlyReport, saveMonthlyReport } from "@/server/reports/service";
import { formatMonth } from "@/lib/month";

export const saveReportAction = formAction(monthlyReportSchema, async (actor, input) => {
  const result = await saveMonthlyReport(db(), actor, input);
  refreshAll();
  return result.status === "SUBMITTED"
    ? `${formatMonth(input.month!)}报表已提交（第${result.revisionNo}版），等待园区审核。`
    : `已保存草稿（第${result.revisionNo}版）。`;
});

// no revalidation: the review page keeps showing the decision next to the item; every other
// page is rendered fresh on its next visit
export const reviewReportAction = formAction(reviewSchema, async (actor, input) => {
  const status = await reviewMonthlyReport(db(), actor, input);
  return status === "APPROVED" ? "已审核通过。" : "已退回县区。";
});
