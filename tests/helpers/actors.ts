// Test fixtures: the seed report plus one account per role (as the demo has), and helpers
// to act as them.
import type { Db } from "../../src/server/db/client";
import type { Actor } from "../../src/server/auth/actor";
import { seedDatabase } from "../../src/server/seed";
import { createSession } from "../../src/server/auth/sessions";

export type Actors = { admin: Actor; leader: Actor; huitong: Actor; dongkou: Actor; auditor: Actor };

export async function seedWithAccounts(prisma: Db): Promise<Actors> {
  await seedDatabase(prisma, { demoAccounts: true });
  return actorsOf(prisma);
}

/** The demo accounts of a database seeded with them (createTestDatabase("seeded") or "demo"). */
export async function actorsOf(prisma: Db): Promise<Actors> {
  const get = async (username: string): Promise<Actor> => {
    const u = await prisma.user.findUniqueOrThrow({ where: { username } });
    return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, parkId: u.parkId };
  };
  return { admin: await get("admin"), leader: await get("leader"), huitong: await get("huitong"), dongkou: await get("dongkou"), auditor: await get("auditor") };
}

export async function sessionToken(prisma: Db, actor: Actor): Promise<string> {
  return (await createSession(prisma, actor.id, "vitest")).token;
}
