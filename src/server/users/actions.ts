"use server";
// Form actions for accounts: each is built by the one action wrapper (src/server/safe-action.ts).
import { db } from "@/server/db";
import { formAction, refreshAll } from "@/server/safe-action";
import { createUserSchema, resetPasswordSchema, setUserActiveSchema, updateUserSchema } from "@/lib/schemas/user";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/server/users/service";

export const createUserAction = formAction(createUserSchema, async (actor, input) => {
  const u = await createUser(db(), actor, input);
  refreshAll();
  return `已创建用户「${u.username}」。`;
});

export const updateUserAction = formAction(updateUserSchema, async (actor, input) => {
  const u = await updateUser(db(), actor, input);
  refreshAll();
  return `已保存用户「${u.username}」。`;
});

export const setUserActiveAction = formAction(setUserActiveSchema, async (actor, input) => {
  const u = await setUserActive(db(), actor, input);
  refreshAll();
  return u.active ? `已启用用户「${u.username}」。` : `已停用用户「${u.username}」，其登录已全部失效。`;
});

export const resetPasswordAction = formAction(resetPasswordSchema, async (actor, input) => {
  const u = await resetUserPassword(db(), actor, input);
  refreshAll();
  return `已重置用户「${u.username}」的密码，其原有登录已失效。`;
});
