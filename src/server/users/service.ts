// User accounts: created by admins (or by the user:create command on a new deployment).
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { hashPassword } from "@/server/auth/password";
import { writeAudit } from "@/server/audit";
import { ValidationError } from "@/server/errors";
import type { CreateUserInput } from "@/lib/schemas/user";

/**
 * Creates a user. `actor` null with `bootstrap` is the command line creating an account on a
 * new deployment; from the web an ADMIN is required.
 */
export async function createUser(prisma: Db, actor: Actor | null, input: CreateUserInput, options: { bootstrap?: boolean } = {}) {
  if (!options.bootstrap) assertCan(actor, { action: "user.manage" });
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
