import type { Db } from "@/server/db/client";
import { defaultSeedDir, readSeedDataset, seedReport, type SeedResult } from "./seed-report";
import { readDemoDataset, seedDemo } from "./demo";
import { seedDemoAccounts } from "./demo-accounts";
import { seedPeriods } from "./periods";

/**
 * Loads the seed report; `demo` adds the demo set, `demoAccounts` the demo user accounts
 * (both only for the embedded demo and tests). Idempotent.
 */
export async function seedDatabase(prisma: Db, options: { demo?: boolean; demoAccounts?: boolean; dir?: string } = {}): Promise<SeedResult> {
  const dir = options.dir ?? defaultSeedDir();
  const result = await seedReport(prisma, readSeedDataset(dir));
  if (options.demo) {
    for (const [what, n] of Object.entries(await seedDemo(prisma, readDemoDataset(dir)))) result.created[`demo.${what}`] = n;
  }
  const published = await seedPeriods(prisma, { demo: options.demo ?? false });
  if (published) result.created.periodPublication = published;
  if (options.demoAccounts) {
    const accounts = await seedDemoAccounts(prisma);
    if (accounts) result.created.demoAccount = accounts;
  }
  return result;
}
