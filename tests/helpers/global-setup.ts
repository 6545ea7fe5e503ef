// Runs once before the integration tests: builds the databases each test file then copies (a
// PostgreSQL TEMPLATE, or a PGlite data-dir tarball), so that the Prisma CLI and the seeds run
// once rather than once per file:
//   migrated — every migration applied, no rows;
//   seeded   — plus the seed report and one account per role (seedWithAccounts);
//   demo     — plus the demo data and its published months (seedDatabase with demo, demoAccounts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "../../src/server/db/runtime";
import { createPrismaClient, type Db } from "../../src/server/db/client";
import { seedDatabase } from "../../src/server/seed";
import { createEmptyDatabase, dropStaleTestDatabases, type EmptyDatabase } from "./empty-db";
import { seedWithAccounts } from "./actors";

export const TEMPLATE_KINDS = ["migrated", "seeded", "demo"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabases: { engine: "postgres"; names: Record<TemplateKind, string> } | { engine: "embedded"; tarballs: Record<TemplateKind, string> };
  }
}

const FILL: Record<Exclude<TemplateKind, "migrated">, (prisma: Db) => Promise<unknown>> = {
  seeded: (prisma) => seedWithAccounts(prisma),
  demo: (prisma) => seedDatabase(prisma, { demo: true, demoAccounts: true }),
};

async function fill(database: EmptyDatabase, kind: Exclude<TemplateKind, "migrated">) {
  const prisma = createPrismaClient(database.url, 2);
  try {
    await FILL[kind](prisma);
  } finally {
    await prisma.$disconnect();
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) await dropStaleTestDatabases(process.env.DATABASE_URL);
  const migrated = await createEmptyDatabase({ template: true });
  await migrateDeploy(migrated.url, true);

  if (migrated.engine === "postgres") {
    const nameOf = (database: EmptyDatabase) => new URL(database.url).pathname.slice(1);
    const made: EmptyDatabase[] = [migrated];
    const names = { migrated: nameOf(migrated) } as Record<TemplateKind, string>;
    for (const kind of ["seeded", "demo"] as const) {
      const database = await createEmptyDatabase({ template: true, fromTemplate: names.migrated });
      made.push(database);
      await fill(database, kind);
      names[kind] = nameOf(database);
    }
    project.provide("templateDatabases", { engine: "postgres", names });
    return async () => {
      for (const database of made) await database.drop();
    };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ppt-"));
  const dump = async (database: EmptyDatabase, kind: TemplateKind) => {
    const file = path.join(dir, `${kind}.tar.gz`);
    fs.writeFileSync(file, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
    await database.drop();
    return file;
  };
  const tarballs = { migrated: await dump(migrated, "migrated") } as Record<TemplateKind, string>;
  for (const kind of ["seeded", "demo"] as const) {
    const database = await createEmptyDatabase({ loadDataDir: new Blob([fs.readFileSync(tarballs.migrated)]) });
    await fill(database, kind);
    tarballs[kind] = await dump(database, kind);
  }
  project.provide("templateDatabases", { engine: "embedded", tarballs });
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
