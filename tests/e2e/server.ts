// The app as `npm start` serves it, on a throwaway database: a new database on the
// DATABASE_URL server (dropped on exit), or an embedded one in a temporary data folder.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEmptyDatabase } from "../helpers/empty-db";

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO_DATA: "false", DEMO_ACCOUNTS: "true", NEXT_TELEMETRY_DISABLED: "1" };
  let cleanup = async () => {};
  if (process.env.DATABASE_URL) {
    const database = await createEmptyDatabase();
    env.DATABASE_URL = database.url;
    cleanup = database.drop;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ppt-e2e-"));
    env.DATA_DIR = dir;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "runtime/start.ts"], { env, stdio: "inherit" });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
    await cleanup().catch((e) => console.error("cleanup failed:", e));
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  child.on("exit", (code) => {
    if (!stopping) void cleanup().finally(() => process.exit(code ?? 1));
  });
}

void main();
