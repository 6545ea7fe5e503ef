// Demo accounts of the embedded demo, one per role and one per county park. Their passwords
// are public (docs/features.md, the demo accounts): never load them into a real deployment.
import type { Db } from "@/server/db/client";
import { createUser } from "@/server/users/service";

export const DEMO_PASSWORD = "demo2024";

export const DEMO_ACCOUNTS = [
  { username: "admin", displayName: "园区管理员（演示）", role: "ADMIN", park: null },
  { username: "leader", displayName: "园区领导（演示）", role: "LEADER", park: null },
  { username: "auditor", displayName: "审计员（演示）", role: "AUDITOR", park: null },
  { username: "huitong", displayName: "会同县园区填报员（演示）", role: "COUNTY", park: "会同县园区" },
  { username: "dongkou", displayName: "洞口县园区填报员（演示）", role: "COUNTY", park: "洞口县园区" },
  { username: "xupu", displayName: "溆浦县园区填报员（演示）", role: "COUNTY", park: "溆浦县园区" },
  { username: "xinhuang", displayName: "新晃县园区填报员（演示）", role: "COUNTY", park: "新晃县园区" },
] as const;

export async function seedDemoAccounts(prisma: Db): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await prisma.user.findUnique({ where: { username: account.username } })) continue;
    const park = account.park ? await prisma.park.findUnique({ where: { name: account.park } }) : null;
    if (account.park && !park) continue;
    await createUser(
      prisma,
      null,
      { username: account.username, displayName: account.displayName, role: account.role, parkId: park?.id ?? null, password: DEMO_PASSWORD },
      { bootstrap: true },
    );
    created++;
  }
  return created;
}
