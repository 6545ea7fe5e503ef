// Database selection, in one place: DATABASE_URL set → that PostgreSQL; unset → the embedded
// PGlite database in DATA_DIR (default ./data), served on a loopback port.
import { spawn } from "node:child_process";
import path from "node:path";
import { defaultDataDir, startEmbeddedDatabase } from "./embedded";

export type OpenDatabase = {
  kind: "postgres" | "embedded";
  url: string;
  /** human-readable: which database and where its data lives */
  description: string;
  stop(): Promise<void>;
};

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(DATABASE_URL 无法解析)";
  }
}

export async function openDatabase(): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    return { kind: "postgres", url, description: `PostgreSQL：${redact(url)}`, stop: async () => {} };
  }
  const dataDir = defaultDataDir();
  const embedded = await startEmbeddedDatabase({ dataDir });
  return {
    kind: "embedded",
    url: embedded.url,
    description: `内置数据库 (PGlite)：数据目录 ${embedded.location}，本机端口 ${new URL(embedded.url).port}`,
    stop: embedded.stop,
  };
}

const PRISMA_CLI = path.resolve("node_modules", "prisma", "build", "index.js");

/** Runs the Prisma CLI against `url`; resolves with its output, rejects when it fails. */
export function runPrisma(args: string[], url: string, options: { quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
      if (!options.quiet) process.stdout.write(d);
    });
    child.stderr.on("data", (d) => {
      output += d;
      if (!options.quiet) process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`prisma ${args.join(" ")} exited with ${code}:\n${output}`))));
  });
}

export const migrateDeploy = (url: string, quiet = false) => runPrisma(["migrate", "deploy"], url, { quiet });
export const migrateStatus = (url: string, quiet = false) => runPrisma(["migrate", "status"], url, { quiet });

/** Migration folders in prisma/migrations that the database has not applied yet. */
export async function pendingMigrations(url: string): Promise<string[]> {
  const fs = await import("node:fs");
  const pg = (await import("pg")).default;
  const dir = path.resolve("prisma", "migrations");
  const local = fs
    .readdirSync(dir)
    .filter((n) => fs.statSync(path.join(dir, n)).isDirectory())
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok`);
    if (!exists.rows[0].ok) return local;
    const { rows } = await client.query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    const applied = new Set(rows.map((r: { migration_name: string }) => r.migration_name));
    return local.filter((n) => !applied.has(n));
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations with `prisma migrate deploy`; skips the CLI (several seconds)
 * when the database already has every migration.
 */
export async function ensureMigrated(url: string): Promise<string[]> {
  const pending = await pendingMigrations(url);
  if (pending.length > 0) await migrateDeploy(url, true);
  return pending;
}
