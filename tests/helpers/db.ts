// A throwaway database per test file: with DATABASE_URL set, a new database on that PostgreSQL
// server (created and dropped here, never touching any other); without it, a fresh in-memory
// embedded database. Either way reached through the app's adapter-pg path, and a copy of one of
// the templates global-setup built: "migrated" (no rows), "seeded" (the seed report and one
// account per role, as seedWithAccounts leaves it) or "demo" (the demo data, its published months
// and the demo accounts).
import fs from "node:fs";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "../../src/server/db/client";
import { createEmptyDatabase, type EmptyDatabase } from "./empty-db";
import type { TemplateKind } from "./global-setup";

export * from "./empty-db";
export type TestDatabase = EmptyDatabase & { prisma: Db };

export async function createTestDatabase(kind: TemplateKind = "migrated"): Promise<TestDatabase> {
  const templates = inject("templateDatabases");
  const empty =
    templates.engine === "postgres"
      ? await createEmptyDatabase({ fromTemplate: templates.names[kind] })
      : await createEmptyDatabase({ loadDataDir: new Blob([fs.readFileSync(templates.tarballs[kind])]) });
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
