"use server";
// Form actions for annual plans: each is built by the one action wrapper (src/server/safe-action.ts).
import { db } from "@/server/db";
import { formAction, refreshAll } from "@/server/safe-action";
import { planEntriesSchema, planSchema } from "@/lib/schemas/project";
import { createPlan, savePlan, setPlanEntries } from "@/server/plans/service";

export const savePlanAction = formAction(planSchema, async (actor, input) => {
  await savePlan(db(), actor, input);
  refreshAll();
  return `已保存${input.year}年计划。`;
});

export const createPlanAction = formAction(planSchema, async (actor, input) => {
  await createPlan(db(), actor, input);
  refreshAll();
  return `已新建${input.year}年计划。`;
});

export const planEntriesAction = formAction(planEntriesSchema, async (actor, input) => {
  const { count } = await setPlanEntries(db(), actor, input);
  refreshAll();
  return `已保存清单：${count}个项目。`;
});
