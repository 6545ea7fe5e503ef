// One's own account: change the password (the current one required; every other session ends),
// end one of one's sessions or all the others. Any signed-in user, for their own account only;
// each write audited in its transaction.
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { AuthError, MUST_CHANGE_PASSWORD_MESSAGE } from "@/server/auth/permissions";
import { hashPassword } from "@/server/auth/password";
import { confirmPassword, type RequestContext } from "@/server/auth/reauth";
import { writeAudit } from "@/server/audit/write";
import { ConflictError, NotFoundError, StateError } from "@/server/errors";
import { describeUserAgent } from "@/lib/user-agent";
import { formatDateTime } from "@/lib/month";
import { sessionIdleMinutes } from "@/domain/session-rules";
import type { Tx } from "@/server/tx";
import type { ChangePasswordInput, EndSessionInput } from "@/lib/schemas/user";

/** The request's own session (kept when others end) and address (throttling, audit). */
export type SessionContext = RequestContext & { sessionId: string | null };

/** The user's sessions other than the request's own. */
const otherSessions = (actor: Actor, request: SessionContext) => ({ userId: actor.id, ...(request.sessionId ? { id: { not: request.sessionId } } : {}) });

/** Still good at `now` (the ones the user sees listed; ended ones are removed too, uncounted). */
const alive = (now: Date) => ({ expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - sessionIdleMinutes() * 60_000) } });

/** Ends the user's other sessions; returns how many of them were still good. */
async function endOthers(tx: Tx, actor: Actor, request: SessionContext): Promise<number> {
  const where = otherSessions(actor, request);
  const count = await tx.session.count({ where: { ...where, ...alive(new Date()) } });
  await tx.session.deleteMany({ where });
  return count;
}

function assertSignedIn(actor: Actor | null, options: { whilePasswordChangeDue?: boolean } = {}): asserts actor is Actor {
  if (!actor) throw new AuthError("请先登录。", "unauthenticated");
  if (actor.mustChangePassword && !options.whilePasswordChangeDue) throw new AuthError(MUST_CHANGE_PASSWORD_MESSAGE, "forbidden");
}

/**
 * Changes the actor's own password. The current password is checked like a sign-in (a wrong one
 * counts against the throttling of the user name from this address); the new one follows the
 * password rule and differs from the current one. Every other session of the user ends; this one
 * stays. Clears a pending first-sign-in change. Returns how many sessions ended.
 */
export async function changeOwnPassword(prisma: Db, actor: Actor | null, input: ChangePasswordInput, request: SessionContext): Promise<{ sessionsEnded: number }> {
  assertSignedIn(actor, { whilePasswordChangeDue: true });
  const before = await prisma.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, mustChangePassword: true } });
  if (!before) throw new AuthError("请先登录。", "unauthenticated");
  await confirmPassword(prisma, actor, input.currentPassword, request.address, "currentPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return prisma.$transaction(async (tx) => {
    // only over the password just checked: a reset or change in between wins, this one is refused
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, passwordHash: before.passwordHash },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    });
    if (count === 0) throw new ConflictError("您的密码刚刚已被修改（在另一个窗口或由管理员重置），本次修改未保存。请重新登录后再试。");
    const ended = await endOthers(tx, actor, request);
    await writeAudit(tx, actor, {
      action: "account.password",
      entity: "User",
      entityId: actor.id,
      before: { mustChangePassword: before.mustChangePassword },
      after: { mustChangePassword: false, sessionsEnded: ended },
      ip: request.address,
    });
    return { sessionsEnded: ended };
  });
}

const sessionRecord = (s: { createdAt: Date; userAgent: string | null; ip: string | null }) => ({
  signedInAt: formatDateTime(s.createdAt),
  browser: describeUserAgent(s.userAgent),
  address: s.ip,
});

/** Ends one of the actor's own sessions (not the current one: that is 退出). */
export async function endOwnSession(prisma: Db, actor: Actor | null, input: EndSessionInput, request: SessionContext): Promise<void> {
  assertSignedIn(actor);
  if (input.sessionId === request.sessionId) throw new StateError("这是您当前使用的会话；要结束它，请点“退出”。");
  await prisma.$transaction(async (tx) => {
    const session = await tx.session.findFirst({ where: { id: input.sessionId, userId: actor.id } });
    // someone else's session is as unknown as one that has already ended
    if (!session) throw new NotFoundError("该会话已结束或不存在，请刷新页面。");
    await tx.session.delete({ where: { id: session.id } });
    await writeAudit(tx, actor, {
      action: "account.session-end",
      entity: "Session",
      entityId: session.id.slice(0, 12),
      before: sessionRecord(session),
      ip: request.address,
    });
  });
}

/** Ends every session of the actor's but the current one. Returns how many ended. */
export async function endOtherSessions(prisma: Db, actor: Actor | null, request: SessionContext): Promise<number> {
  assertSignedIn(actor);
  return prisma.$transaction(async (tx) => {
    const count = await endOthers(tx, actor, request);
    if (count === 0) throw new StateError("没有其他会话需要结束。");
    await writeAudit(tx, actor, { action: "account.sessions-end-others", entity: "User", entityId: actor.id, after: { sessionsEnded: count }, ip: request.address });
    return count;
  });
}
