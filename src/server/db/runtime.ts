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
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`prisma ${args.join(" ")} exited with ${code}:\n${output}`)),
    );
  });
}

export const migrateDeploy = (url: string, quiet = false) => runPrisma(["migrate", "deploy"], url, { quiet });
export const migrateStatus = (url: string, quiet = false) => runPrisma(["migrate", "status"], url, { quiet });
