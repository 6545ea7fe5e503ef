// Accounts, for /admin/users.
import "server-only";
import type { Db } from "@/server/db/client";

export async function listUsers(prisma: Db) {
  return prisma.user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
    select: { id: true, username: true, displayName: true, role: true, parkId: true, active: true, mustChangePassword: true, updatedAt: true, park: { select: { name: true } } },
  });
}
