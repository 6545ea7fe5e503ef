// A throwaway database per test file: with DATABASE_URL set, a new database on that
// PostgreSQL server (created and dropped here, never touching any other); without it, a
// fresh in-memory embedded database. Either way reached through the app's adapter-pg path.
import fs from "node:fs";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "../../src/server/db/client";
import { createEmptyDatabase, type EmptyDatabase } from "./empty-db";

export * from "./empty-db";
export type TestDatabase = EmptyDatabase & { prisma: Db };

/** A database with all migrations applied (copied from the template built in global-setup). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("templateDatabase");
  const empty =
    template.engine === "postgres"
      ? await createEmptyDatabase({ fromTemplate: template.name })
      : await createEmptyDatabase({ loadDataDir: new Blob([fs.readFileSync(template.tarball)]) });
  const prisma = createPrismaClient(empty.url, 4);
  return {
    ...empty,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await empty.drop();
    },
  };
}
