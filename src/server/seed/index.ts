import type { Db } from "@/server/db/client";
import { defaultSeedDir, readSeedDataset, seedReport, type SeedResult } from "./seed-report";
import { readDemoDataset, seedDemo } from "./demo";

/** Loads the seed report (and, for the embedded demo, the demo set). Idempotent. */
export async function seedDatabase(prisma: Db, options: { demo?: boolean; dir?: string } = {}): Promise<SeedResult> {
  const dir = options.dir ?? defaultSeedDir();
  const result = await seedReport(prisma, readSeedDataset(dir));
  if (options.demo) {
    for (const [what, n] of Object.entries(await seedDemo(prisma, readDemoDataset(dir)))) result.created[`demo.${what}`] = n;
  }
  return result;
}
