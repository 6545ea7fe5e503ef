"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/server/db";
import { formAction, type ActionState } from "@/server/safe-action";
import { monthlyReportSchema, reviewSchema } from "@/lib/schemas/monthly-report";
import { reviewMonthlyReport, saveMonthlyReport } from "@/server/reports/service";
import { formatMonth } from "@/lib/month";

const save = formAction(monthlyReportSchema, async (actor, input) => {
  const result = await saveMonthlyReport(db(), actor, input);
  revalidatePath("/", "layout");
  return result.status === "SUBMITTED"
    ? `${formatMonth(input.month!)}报表已提交（第${result.revisionNo}版），等待园区审核。`
    : `已保存草稿（第${result.revisionNo}版）。`;
});

const review = formAction(reviewSchema, async (actor, input) => {
  // no revalidation: the review page keeps showing the decision next to the item; every
  // other page is rendered fresh on its next visit
  const status = await reviewMonthlyReport(db(), actor, input);
  return status === "APPROVED" ? "已审核通过。" : "已退回县区。";
});

export async function saveReportAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return save(prev, formData);
}

export async function reviewReportAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return review(prev, formData);
}
