// User accounts: created by admins (or by the user:create command on a new deployment).
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { hashPassword } from "@/server/auth/password";
import { writeAudit } from "@/server/audit/write";
import { assertChanged } from "@/server/audit/unchanged";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/server/errors";
import type { User } from "@/generated/prisma/client";
import { type Tx, isNoMatch } from "@/server/tx";
import { ROLE_LABEL } from "@/lib/labels";
import type { CreateUserInput, ResetPasswordInput, SetUserActiveInput, UpdateUserInput } from "@/lib/schemas/user";

/**
 * Creates a user. `actor` null with `bootstrap` is the command line creating an account on a
 * new deployment; from the web an ADMIN is required.
 */
export async function createUser(prisma: Db, actor: Actor | null, input: CreateUserInput, options: { bootstrap?: boolean } = {}) {
  if (!options.bootstrap) assertCan(actor, "user.manage");
  const parkId = input.role === "COUNTY" ? input.parkId : null;
  if (parkId !== null && !(await prisma.park.findUnique({ where: { id: parkId } }))) {
    throw new ValidationError({ parkId: ["县区园区不存在"] });
  }
  if (await prisma.user.findUnique({ where: { username: input.username } })) {
    throw new ValidationError({ username: [`用户名「${input.username}」已被使用`] });
  }
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { username: input.username, displayName: input.displayName, role: input.role, parkId, passwordHash },
    });
    await writeAudit(tx, actor, {
      action: "user.create",
      entity: "User",
      entityId: user.id,
      after: { username: user.username, displayName: user.displayName, role: user.role, parkId: user.parkId },
    });
    return user;
  });
}

const userSnapshot = (u: { username: string; displayName: string; role: string; parkId: number | null; active: boolean }) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  parkId: u.parkId,
  active: u.active,
});

function userConflict(user: User): ConflictError {
  return new ConflictError(`保存冲突：用户「${user.username}」在您打开页面之后已被他人修改，请刷新页面后再操作。`, {
    theirs: { displayName: user.displayName, role: ROLE_LABEL[user.role], active: user.active ? "启用" : "停用" },
    yours: {},
    by: null,
    at: user.updatedAt.toISOString(),
  });
}

/**
 * Conditional write at the start of an edit: moves the account's updatedAt stamp on only if it
 * is still the one the form was opened with (which also holds the row for the rest of the
 * transaction); otherwise a conflict. Returns the account as it was before the edit.
 */
async function claimUser(tx: Tx, userId: number, stamp: string): Promise<User> {
  const before = await tx.user.findUnique({ where: { id: userId } });
  if (!before) throw new NotFoundError("用户不存在。");
  if (before.updatedAt.toISOString() !== new Date(stamp).toISOString()) throw userConflict(before);
  try {
    await tx.user.update({ where: { id: before.id, updatedAt: before.updatedAt }, data: { updatedAt: new Date() } });
  } catch (e) {
    if (!isNoMatch(e)) throw e;
    const current = await tx.user.findUnique({ where: { id: before.id } });
    throw current ? userConflict(current) : new NotFoundError("用户不存在。");
  }
  return before;
}

/** Changes an account's name, role and park. An admin cannot change their own role. */
export async function updateUser(prisma: Db, actor: Actor | null, input: UpdateUserInput) {
  assertCan(actor, "user.manage");
  const parkId = input.role === "COUNTY" ? input.parkId : null;
  if (parkId !== null && !(await prisma.park.findUnique({ where: { id: parkId } }))) {
    throw new ValidationError({ parkId: ["县区园区不存在"] });
  }
  return prisma.$transaction(async (tx) => {
    const before = await claimUser(tx, input.userId, input.stamp);
    if (before.id === actor.id && input.role !== before.role) {
      throw new ValidationError({ role: ["不能修改自己的角色，以免失去管理权限；请由另一位管理员操作"] });
    }
    const after = await tx.user.update({ where: { id: before.id }, data: { displayName: input.displayName, role: input.role, parkId } });
    assertChanged(userSnapshot(before), userSnapshot(after));
    // a changed role or park takes effect at once: the user signs in again
    if (before.role !== after.role || before.parkId !== after.parkId) await tx.session.deleteMany({ where: { userId: before.id } });
    await writeAudit(tx, actor, { action: "user.update", entity: "User", entityId: before.id, before: userSnapshot(before), after: userSnapshot(after) });
    return after;
  });
}

/** Deactivates (also ending all the user's sessions) or reactivates an account. */
export async function setUserActive(prisma: Db, actor: Actor | null, input: SetUserActiveInput) {
  assertCan(actor, "user.manage");
  if (input.userId === actor.id && !input.active) throw new StateError("不能停用自己的账号。");
  return prisma.$transaction(async (tx) => {
    const before = await claimUser(tx, input.userId, input.stamp);
    const after = await tx.user.update({ where: { id: before.id }, data: { active: input.active } });
    assertChanged(userSnapshot(before), userSnapshot(after));
    const ended = input.active ? 0 : (await tx.session.deleteMany({ where: { userId: before.id } })).count;
    await writeAudit(tx, actor, {
      action: input.active ? "user.reactivate" : "user.deactivate",
      entity: "User",
      entityId: before.id,
      before: userSnapshot(before),
      after: { ...userSnapshot(after), ...(input.active ? {} : { sessionsEnded: ended }) },
    });
    return after;
  });
}

/** Sets a new password (scrypt) and ends the user's sessions. Neither password nor hash is audited. */
export async function resetUserPassword(prisma: Db, actor: Actor | null, input: ResetPasswordInput) {
  assertCan(actor, "user.manage");
  if (!(await prisma.user.findUnique({ where: { id: input.userId } }))) throw new NotFoundError("用户不存在。");
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    const ended = (await tx.session.deleteMany({ where: { userId: user.id } })).count;
    await writeAudit(tx, actor, { action: "user.reset-password", entity: "User", entityId: user.id, after: { username: user.username, passwordChanged: true, sessionsEnded: ended } });
    return user;
  });
}
