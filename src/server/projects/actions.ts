"use server";
// Form actions for projects: each is built by the one action wrapper (src/server/safe-action.ts).
import { db } from "@/server/db";
import { formAction, refreshAll } from "@/server/safe-action";
import { milestonesSchema, plannedInvestmentSchema, projectSchema } from "@/lib/schemas/project";
import { createProject, saveMilestones, savePlannedInvestment, updateProject } from "@/server/projects/service";

export const createProjectAction = formAction(projectSchema, async (actor, input) => {
  const p = await createProject(db(), actor, input);
  refreshAll();
  return `已创建项目「${p.name}」（${p.code}）。`;
});

export const updateProjectAction = formAction(projectSchema, async (actor, input) => {
  const p = await updateProject(db(), actor, input);
  refreshAll();
  return `已保存项目「${p.name}」。`;
});

export const plannedInvestmentAction = formAction(plannedInvestmentSchema, async (actor, input) => {
  const { months } = await savePlannedInvestment(db(), actor, input);
  refreshAll();
  return `已保存${input.year}年倒排工期（${months}个月）。`;
});

export const milestonesAction = formAction(milestonesSchema, async (actor, input) => {
  await saveMilestones(db(), actor, input);
  refreshAll();
  return "已保存节点目标。";
});
