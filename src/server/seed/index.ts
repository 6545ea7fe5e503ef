import type { Db } from "@/server/db/client";
import { defaultSeedDir, readSeedDataset, seedReport, type SeedResult } from "./seed-report";
import { seedDemoAccounts } from "./demo-accounts";

/**
 * Loads the seed report; `demo` adds the demo set, `demoAccounts` the demo user accounts
 * (both only for the embedded demo and tests). Idempotent.
 */
export async function seedDatabase(
  prisma: Db,
  options: { demo?: boolean; demoAccounts?: boolean; dir?: string } = {},
): Promise<SeedResult> {
  const dir = options.dir ?? defaultSeedDir();
  const result = await seedReport(prisma, readSeedDataset(dir));
  if (options.demoAccounts) {
    const accounts = await seedDemoAccounts(prisma);
    if (accounts) result.created.demoAccount = accounts;
  }
  return result;
}
