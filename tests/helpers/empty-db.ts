// A throwaway database: with DATABASE_URL set, a new database on that PostgreSQL server (created
// and dropped here, never touching any other); without it, a fresh in-memory embedded database.
// Free of vitest, so that the browser tests' servers (tests/e2e) use it too.
import crypto from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "../../src/server/db/embedded";

export type Engine = "postgres" | "embedded";
export type EmptyDatabase = { engine: Engine; url: string; drop(): Promise<void>; dumpDataDir?: () => Promise<Blob> };

/** Every database the tests create is named with this prefix; nothing else is touched. */
export const TEST_DB_PREFIX = "ppt_test_";

async function adminQuery(serverUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Test databases left behind by a run that was killed, older than an hour. */
export async function dropStaleTestDatabases(serverUrl: string) {
  const { rows } = await adminQuery(serverUrl, `SELECT datname FROM pg_database WHERE datname LIKE '${TEST_DB_PREFIX}%'`);
  const hourAgo = Date.now() - 3600_000;
  for (const { datname } of rows as Array<{ datname: string }>) {
    const created = Number(/^ppt_test_(?:tmpl_)?(\d+)_/.exec(datname)?.[1]);
    if (created && created < hourAgo) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

/** An empty database (no migrations), or with `from`, a copy of a template. */
export async function createEmptyDatabase(options: { template?: boolean; fromTemplate?: string; loadDataDir?: Blob } = {}): Promise<EmptyDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `${TEST_DB_PREFIX}${options.template ? "tmpl_" : ""}${Date.now()}_${crypto.randomBytes(4).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"${options.fromTemplate ? ` TEMPLATE "${options.fromTemplate}"` : ""}`);
    return {
      engine: "postgres",
      url: databaseUrl(serverUrl, name),
      drop: async () => void (await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
    };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: null, loadDataDir: options.loadDataDir });
  return { engine: "embedded", url: embedded.url, drop: embedded.stop, dumpDataDir: () => embedded.db.dumpDataDir("gzip") };
}
