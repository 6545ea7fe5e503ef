"use server";
import { z } from "zod";
import { db } from "@/server/db";
import { formAction, type ActionState } from "./safe-action";
import { unlockUsername } from "@/server/auth/throttle";
import { clientAddress } from "@/server/auth/current";

const unlockSchema = z.object({ username: z.string().trim().min(1, "用户无效").max(40, "用户无效") });

const unlock = formAction(unlockSchema, async (actor, input) => {
  const cleared = await unlockUsername(db(), actor, input.username, await clientAddress());
  return cleared > 0 ? `已解除「${input.username}」的登录限制（清除${cleared}次失败记录）。` : `「${input.username}」当前没有登录限制。`;
});

export async function unlockLoginAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return unlock(prev, formData);
}
