// A database migrated up to (not including) one migration, for the tests of what that migration
// does to rows written before it: write them with `client`, then `run(migration)`.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { createEmptyDatabase } from "./db";

const DIR = path.resolve("prisma", "migrations");

export type DatabaseBefore = { client: pg.Client; run: (folder: string) => Promise<unknown>; drop: () => Promise<void> };

export async function databaseBefore(migration: string): Promise<DatabaseBefore> {
  const database = await createEmptyDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const run = async (folder: string) => client.query(fs.readFileSync(path.join(DIR, folder, "migration.sql"), "utf8"));
  const folders = fs
    .readdirSync(DIR)
    .filter((f) => fs.existsSync(path.join(DIR, f, "migration.sql")))
    .sort();
  for (const f of folders.filter((f) => f < migration)) await run(f);
  return {
    client,
    run,
    drop: async () => {
      await client.end();
      await database.drop();
    },
  };
}
