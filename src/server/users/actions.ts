"use server";
// Form actions for accounts: each is built by the one action wrapper (src/server/safe-action.ts).
import { z } from "zod";
import { db } from "@/server/db";
import { unlockUsername } from "@/server/auth/throttle";
import { clientAddress } from "@/server/auth/current";
import { formAction, refreshAll } from "@/server/safe-action";
import { createUserSchema, resetPasswordSchema, setUserActiveSchema, updateUserSchema } from "@/lib/schemas/user";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/server/users/service";

export const createUserAction = formAction(createUserSchema, async (actor, input) => {
  const u = await createUser(db(), actor, input, { address: await clientAddress() });
  refreshAll();
  return `已创建用户「${u.username}」。请把初始密码告知本人：首次登录时须修改密码。`;
});

export const updateUserAction = formAction(updateUserSchema, async (actor, input) => {
  const u = await updateUser(db(), actor, input, { address: await clientAddress() });
  refreshAll();
  return `已保存用户「${u.username}」。`;
});

export const setUserActiveAction = formAction(setUserActiveSchema, async (actor, input) => {
  const u = await setUserActive(db(), actor, input);
  refreshAll();
  return u.active ? `已启用用户「${u.username}」。` : `已停用用户「${u.username}」，其登录已全部失效。`;
});

export const resetPasswordAction = formAction(resetPasswordSchema, async (actor, input) => {
  const u = await resetUserPassword(db(), actor, input, { address: await clientAddress() });
  refreshAll();
  return `已重置用户「${u.username}」的密码，其原有登录已失效；下次登录时须修改密码。`;
});

const unlockSchema = z.object({ username: z.string().trim().min(1, "用户无效").max(40, "用户无效") });

/** 解除登录限制: clears a user name's failed-login delays (audited as login.unlock). */
export const unlockLoginAction = formAction(unlockSchema, async (actor, input) => {
  const cleared = await unlockUsername(db(), actor, input.username, await clientAddress());
  return cleared > 0 ? `已解除「${input.username}」的登录限制（清除${cleared}次失败记录）。` : `「${input.username}」当前没有登录限制。`;
});
