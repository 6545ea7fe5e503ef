// Runs once before the integration tests: builds a migrated template database that each test
// file then copies (a PostgreSQL TEMPLATE, or a PGlite data-dir tarball), so that the Prisma
// CLI runs once rather than once per file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "../../src/server/db/runtime";
import { createEmptyDatabase, dropStaleTestDatabases } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: { engine: "postgres"; name: string } | { engine: "embedded"; tarball: string };
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) await dropStaleTestDatabases(process.env.DATABASE_URL);
  const template = await createEmptyDatabase({ template: true });
  await migrateDeploy(template.url, true);
  if (template.engine === "postgres") {
    const name = new URL(template.url).pathname.slice(1);
    project.provide("templateDatabase", { engine: "postgres", name });
    return async () => {
      await template.drop();
    };
  }
  const tarball = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ppt-")), "template.tar.gz");
  const dump = await template.dumpDataDir!();
  fs.writeFileSync(tarball, Buffer.from(await dump.arrayBuffer()));
  await template.drop();
  project.provide("templateDatabase", { engine: "embedded", tarball });
  return async () => {
    fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
  };
}
