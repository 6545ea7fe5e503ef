// User accounts: created by admins (or by the user:create command on a new deployment). Creating,
// changing a role or park and resetting a password need the administrator's own password again
// (src/server/auth/reauth.ts); a password an administrator chose must be changed at first sign-in.
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { hashPassword } from "@/server/auth/password";
import { confirmPassword, type RequestContext } from "@/server/auth/reauth";
import { writeAudit } from "@/server/audit/write";
import { assertChanged } from "@/server/audit/unchanged";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/server/errors";
import type { User } from "@/generated/prisma/client";
import { type Tx, isNoMatch } from "@/server/tx";
import { ROLE_LABEL } from "@/lib/labels";
import type { CreateUserInput, ResetPasswordInput, SetUserActiveInput, UpdateUserInput } from "@/lib/schemas/user";

/**
 * Creates a user. From the web an ADMIN is required, who confirms with their own password
 * (`reauthPassword`), and the new user must change the password at the first sign-in. `actor`
 * null with `bootstrap` is the command line on a new deployment (npm run user:create, which asks
 * for the change too) or the embedded demo's accounts (which do not).
 */
export async function createUser(prisma: Db, actor: Actor | null, input: CreateUserInput, options: { bootstrap?: boolean; mustChangePassword?: boolean } & RequestContext = {}) {
  if (!options.bootstrap) {
    assertCan(actor, "user.manage");
    await confirmPassword(prisma, actor, input.reauthPassword, options.address);
  }
  const mustChangePassword = options.bootstrap ? (options.mustChangePassword ?? false) : true;
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
      data: { username: input.username, displayName: input.displayName, role: input.role, parkId, passwordHash, mustChangePassword },
    });
    await writeAudit(tx, actor, {
      action: "user.create",
      entity: "User",
      entityId: user.id,
      after: { username: user.username, displayName: user.displayName, role: user.role, parkId: user.parkId, mustChangePassword },
      ip: options.address,
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

/**
 * Changes an account's name, role and park. An admin cannot change their own role. Changing the
 * role or the park needs the administrator's own password (`reauthPassword`); a name alone does not.
 */
export async function updateUser(prisma: Db, actor: Actor | null, input: UpdateUserInput, request: RequestContext = {}) {
  assertCan(actor, "user.manage");
  // a password given is checked whatever changes; one is required below if the role or park does
  const confirmed = !!input.reauthPassword;
  if (confirmed) await confirmPassword(prisma, actor, input.reauthPassword, request.address);
  const parkId = input.role === "COUNTY" ? input.parkId : null;
  if (parkId !== null && !(await prisma.park.findUnique({ where: { id: parkId } }))) {
    throw new ValidationError({ parkId: ["县区园区不存在"] });
  }
  return prisma.$transaction(async (tx) => {
    const before = await claimUser(tx, input.userId, input.stamp);
    if (before.id === actor.id && input.role !== before.role) {
      throw new ValidationError({ role: ["不能修改自己的角色，以免失去管理权限；请由另一位管理员操作"] });
    }
    if (!confirmed && (before.role !== input.role || before.parkId !== parkId)) {
      throw new ValidationError({ reauthPassword: ["修改角色或县区园区须输入您的登录密码以确认身份"] }, "修改角色或县区园区须确认身份，未保存。");
    }
    const after = await tx.user.update({ where: { id: before.id }, data: { displayName: input.displayName, role: input.role, parkId } });
    assertChanged(userSnapshot(before), userSnapshot(after));
    // a changed role or park takes effect at once: the user signs in again
    if (before.role !== after.role || before.parkId !== after.parkId) await tx.session.deleteMany({ where: { userId: before.id } });
    await writeAudit(tx, actor, { action: "user.update", entity: "User", entityId: before.id, before: userSnapshot(before), after: userSnapshot(after), ip: request.address });
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

/**
 * Sets a new password (scrypt) that the user must change at the next sign-in, and ends the user's
 * sessions. Needs the administrator's own password (`reauthPassword`). Neither password nor hash
 * is audited.
 */
export async function resetUserPassword(prisma: Db, actor: Actor | null, input: ResetPasswordInput, request: RequestContext = {}) {
  assertCan(actor, "user.manage");
  await confirmPassword(prisma, actor, input.reauthPassword, request.address);
  if (!(await prisma.user.findUnique({ where: { id: input.userId } }))) throw new NotFoundError("用户不存在。");
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: input.userId }, data: { passwordHash, mustChangePassword: true } });
    const ended = (await tx.session.deleteMany({ where: { userId: user.id } })).count;
    await writeAudit(tx, actor, {
      action: "user.reset-password",
      entity: "User",
      entityId: user.id,
      after: { username: user.username, passwordChanged: true, mustChangePassword: true, sessionsEnded: ended },
      ip: request.address,
    });
    return user;
  });
}
