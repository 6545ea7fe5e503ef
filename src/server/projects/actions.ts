"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/server/db";
import { formAction, type ActionState } from "@/server/safe-action";
import { milestonesSchema, planEntriesSchema, planSchema, plannedInvestmentSchema, projectSchema } from "@/lib/schemas/project";
import { createUserSchema, resetPasswordSchema, setUserActiveSchema, updateUserSchema } from "@/lib/schemas/user";
import { createPlan, createProject, saveMilestones, savePlan, savePlannedInvestment, setPlanEntries, updateProject } from "@/server/projects/service";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/server/users/service";

const refresh = () => revalidatePath("/", "layout");

const createProjectRun = formAction(projectSchema, async (actor, input) => {
  const p = await createProject(db(), actor, input);
  refresh();
  return `已创建项目「${p.name}」（${p.code}）。`;
});
const updateProjectRun = formAction(projectSchema, async (actor, input) => {
  const p = await updateProject(db(), actor, input);
  refresh();
  return `已保存项目「${p.name}」。`;
});
const savePlanRun = formAction(planSchema, async (actor, input) => {
  await savePlan(db(), actor, input);
  refresh();
  return `已保存${input.year}年计划。`;
});
const createPlanRun = formAction(planSchema, async (actor, input) => {
  await createPlan(db(), actor, input);
  refresh();
  return `已新建${input.year}年计划。`;
});
const planEntriesRun = formAction(planEntriesSchema, async (actor, input) => {
  const { count } = await setPlanEntries(db(), actor, input);
  refresh();
  return `已保存清单：${count}个项目。`;
});
const plannedRun = formAction(plannedInvestmentSchema, async (actor, input) => {
  const { months } = await savePlannedInvestment(db(), actor, input);
  refresh();
  return `已保存${input.year}年倒排工期（${months}个月）。`;
});
const milestonesRun = formAction(milestonesSchema, async (actor, input) => {
  await saveMilestones(db(), actor, input);
  refresh();
  return "已保存节点目标。";
});
const createUserRun = formAction(createUserSchema, async (actor, input) => {
  const u = await createUser(db(), actor, input);
  refresh();
  return `已创建用户「${u.username}」。`;
});
const updateUserRun = formAction(updateUserSchema, async (actor, input) => {
  const u = await updateUser(db(), actor, input);
  refresh();
  return `已保存用户「${u.username}」。`;
});
const setActiveRun = formAction(setUserActiveSchema, async (actor, input) => {
  const u = await setUserActive(db(), actor, input);
  refresh();
  return u.active ? `已启用用户「${u.username}」。` : `已停用用户「${u.username}」，其登录已全部失效。`;
});
const resetPasswordRun = formAction(resetPasswordSchema, async (actor, input) => {
  const u = await resetUserPassword(db(), actor, input);
  refresh();
  return `已重置用户「${u.username}」的密码，其原有登录已失效。`;
});

export async function createProjectAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return createProjectRun(prev, formData);
}
export async function updateProjectAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return updateProjectRun(prev, formData);
}
export async function savePlanAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return savePlanRun(prev, formData);
}
export async function createPlanAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return createPlanRun(prev, formData);
}
export async function planEntriesAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return planEntriesRun(prev, formData);
}
export async function plannedInvestmentAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return plannedRun(prev, formData);
}
export async function milestonesAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return milestonesRun(prev, formData);
}
export async function createUserAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return createUserRun(prev, formData);
}
export async function updateUserAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return updateUserRun(prev, formData);
}
export async function setUserActiveAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return setActiveRun(prev, formData);
}
export async function resetPasswordAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return resetPasswordRun(prev, formData);
}
