// Re-authentication: the signed-in user's own password, asked again before a sensitive change
// (an administrator creating an account, changing a role or park, resetting a password, re-opening
// a published period) and before changing one's own password. Checked by the service, not by the
// form. A wrong password counts against the sign-in throttling of the same (user name, address)
// pair, so these forms cannot be used to guess a password faster than the login page.
import type { Db } from "@/server/db/client";
import type { Actor } from "./actor";
import { AuthError } from "./permissions";
import { verifyPassword } from "./password";
import { loginBlock, recordFailure } from "./throttle";
import { cleanStoredText } from "@/lib/schemas/text";
import { ValidationError } from "@/server/errors";
import { REAUTH_REQUIRED } from "@/lib/schemas/user";

/** Where the request came from, for throttling (and the audit entry). */
export type RequestContext = { address?: string | null };

/**
 * Refuses (ValidationError on `field`) unless `password` is the actor's current password. A
 * wrong one is recorded as a failed sign-in of the actor's user name from `address`; while that
 * pair is delayed, no password is checked at all.
 */
export async function confirmPassword(prisma: Db, actor: Actor | null, password: string | undefined, address: string | null | undefined, field = "reauthPassword"): Promise<void> {
  if (!actor) throw new AuthError("请先登录。", "unauthenticated");
  if (!password) throw new ValidationError({ [field]: [REAUTH_REQUIRED] }, "请输入您的登录密码以确认身份，未保存。");
  const ip = cleanStoredText(address ?? null, 64);
  const block = await loginBlock(prisma, actor.username, ip);
  if (block) throw new ValidationError({ [field]: [block.message] }, `密码错误次数过多，未保存。${block.message}`);
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, active: true } });
  if (!user?.active) throw new AuthError("请先登录。", "unauthenticated");
  if (!(await verifyPassword(password, user.passwordHash))) {
    await prisma.$transaction((tx) => recordFailure(tx, actor.username, ip));
    throw new ValidationError({ [field]: ["密码不正确"] }, "密码不正确，未保存。");
  }
}
