"use server";
// Form actions of one's own account (/account), each built by the one action wrapper
// (src/server/safe-action.ts).
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/server/db";
import { clientAddress, currentSessionId } from "@/server/auth/current";
import { landingPath } from "@/server/auth/permissions";
import { formAction, refreshAll } from "@/server/safe-action";
import { changePasswordSchema, endSessionSchema } from "@/lib/schemas/user";
import { safeRedirect } from "@/lib/safe-redirect";
import { changeOwnPassword, endOtherSessions, endOwnSession } from "./service";

const request = async () => ({ sessionId: await currentSessionId(), address: await clientAddress() });

/** 修改密码; after a first-sign-in change, straight on to where the user was going. */
export const changePasswordAction = formAction(
  changePasswordSchema,
  async (actor, input) => {
    const { sessionsEnded } = await changeOwnPassword(db(), actor, input, await request());
    refreshAll();
    if (actor?.mustChangePassword) {
      const next = safeRedirect(input.next);
      redirect(next === "/" ? landingPath(actor) : next);
    }
    return sessionsEnded > 0 ? `密码已修改。您在其他地方的${sessionsEnded}个登录会话已结束。` : "密码已修改。";
  },
  { whilePasswordChangeDue: true },
);

export const endSessionAction = formAction(endSessionSchema, async (actor, input) => {
  await endOwnSession(db(), actor, input, await request());
  refreshAll();
  return "该会话已结束：那台设备须重新登录。";
});

export const endOtherSessionsAction = formAction(z.object({}), async (actor) => {
  const count = await endOtherSessions(db(), actor, await request());
  refreshAll();
  return `已结束其他${count}个会话。`;
});
