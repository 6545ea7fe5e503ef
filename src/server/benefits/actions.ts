"use server";
// Form actions of 效益填报, each built by the one action wrapper (src/server/safe-action.ts).
import { db } from "@/server/db";
import { formAction, refreshAll } from "@/server/safe-action";
import { benefitReportSchema } from "@/lib/schemas/benefits";
import { reviewSchema } from "@/lib/schemas/monthly-report";
import { reviewBenefitReport, saveBenefitReport } from "@/server/benefits/service";
import { benefitPeriodLabel } from "@/domain/benefits";

export const saveBenefitAction = formAction(benefitReportSchema, async (actor, input) => {
  const result = await saveBenefitReport(db(), actor, input);
  refreshAll();
  const period = benefitPeriodLabel(input.year, input.quarter);
  return result.status === "SUBMITTED" ? `${period}效益已提交（第${result.revisionNo}版），等待园区审核。` : `${period}效益已保存草稿（第${result.revisionNo}版）。`;
});

// no revalidation: the review page keeps showing the decision next to the item
export const reviewBenefitAction = formAction(reviewSchema, async (actor, input) => {
  const status = await reviewBenefitReport(db(), actor, input);
  return status === "APPROVED" ? "已审核通过。" : `已退回县区，退回原因：${input.reason}`;
});
