"use server";
// Form actions for 资金到位: built by the one action wrapper (src/server/safe-action.ts).
import { db } from "@/server/db";
import { formAction, refreshAll } from "@/server/safe-action";
import { fundingPlanSchema } from "@/lib/schemas/funding";
import { saveFundingPlan } from "@/server/funding/service";

export const fundingPlanAction = formAction(fundingPlanSchema, async (actor, input) => {
  const { sources } = await saveFundingPlan(db(), actor, input);
  refreshAll();
  return sources === 0 ? "已清空资金计划。" : `已保存资金计划（${sources}个来源）。`;
});
