import type { Db } from "@/server/db/client";
import { defaultSeedDir, readSeedDataset, seedReport, type SeedResult } from "./seed-report";

/** Loads the seed report (and, for the embedded demo, the demo set). Idempotent. */
export async function seedDatabase(prisma: Db, options: { demo?: boolean; dir?: string } = {}): Promise<SeedResult> {
  const dir = options.dir ?? defaultSeedDir();
  const result = await seedReport(prisma, readSeedDataset(dir));
  return result;
}
