// npm start: build the app if its sources changed, open the database (DATABASE_URL, or the
// embedded one in DATA_DIR), apply migrations, seed an empty database, serve on PORT (3000), and
// start the server again whenever it exits unexpectedly (runtime/supervise.ts).
// `npm run dev` does the same with the Next.js development server instead of a build.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../src/server/db/client";
import { ensureMigrated, openDatabase } from "../src/server/db/runtime";
import { EMBEDDED_POOL_MAX } from "../src/server/db/embedded";
import { seedDatabase } from "../src/server/seed";
import { readDemoDate } from "../src/server/seed/demo";
import { appToday } from "../src/lib/month";
import { applyRetentionFromEnv } from "../src/server/audit/retention";
import { heapFlags } from "./heap-flags";
import { shutdownGraceSeconds, supervise } from "./supervise";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const NEXT = path.resolve("node_modules", "next", "dist", "bin", "next");
const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";

// What `next build` compiles: the app under src/ and its configuration. runtime/ (this folder),
// commands/, bench/ and tools/ run as they are and need no build.
const BUILD_INPUTS = ["src", "public", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const FINGERPRINT_FILE = path.join(".next", "source-fingerprint");

function fingerprint(): string {
  const hash = crypto.createHash("sha256");
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    else hash.update(p).update(fs.readFileSync(p));
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

function buildIfNeeded() {
  const current = fingerprint();
  const built = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(FINGERPRINT_FILE) ? fs.readFileSync(FINGERPRINT_FILE, "utf8") : null;
  if (built === current) {
    console.log("应用已是最新构建。");
    return;
  }
  console.log("正在构建应用（首次启动需要一两分钟）…");
  const result = spawnSync(process.execPath, [NEXT, "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error("构建失败，见上方输出。");
  fs.writeFileSync(FINGERPRINT_FILE, current);
}

/**
 * The business "today" of the app servers: APP_TODAY when the operator set it; else the demo's
 * date when the database holds the demo set (recorded by its seed, so every app server sharing the
 * database agrees, and the header says 演示日期); else the clock's (nothing set).
 */
async function businessToday(prisma: ReturnType<typeof createPrismaClient>): Promise<Record<string, string>> {
  const fixed = appToday();
  if (fixed) {
    console.log(`业务日期：${fixed}（APP_TODAY）。`);
    return process.env.APP_TODAY_SOURCE ? {} : { APP_TODAY_SOURCE: "operator" };
  }
  const demoDate = await readDemoDate(prisma);
  if (!demoDate) return {};
  console.log(`演示数据：业务日期按演示日期 ${demoDate} 计算（设置 APP_TODAY 可改）。`);
  return { APP_TODAY: demoDate, APP_TODAY_SOURCE: "demo" };
}

async function main() {
  const serverFlags = dev ? [] : heapFlags();
  const graceSeconds = shutdownGraceSeconds();
  if (!dev) buildIfNeeded();
  const database = await openDatabase();
  console.log(`数据库：${database.description}`);
  let server: ReturnType<typeof supervise> | null = null;
  /** the business "today" the app servers run on (APP_TODAY), when it is not the clock's */
  let today: Record<string, string> = {};
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server) console.log("正在停止…");
    await server?.stop();
    await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  try {
    const applied = await ensureMigrated(database.url);
    console.log(applied.length ? `已应用数据库迁移：${applied.join(", ")}` : "数据库结构已是最新。");
    const prisma = createPrismaClient(database.url, 2);
    try {
      // AUDIT_RETENTION_DAYS, when set, applied with the migrations (refused below 180 days)
      const retention = await applyRetentionFromEnv(prisma);
      if (retention?.changed) console.log(`操作日志保存期限：${retention.before}天 → ${retention.after}天。`);
      const empty = (await prisma.annualPlan.count()) === 0 && (await prisma.project.count()) === 0;
      if (empty && process.env.SEED_ON_START !== "false") {
        const embedded = database.kind === "embedded";
        const flag = (name: string) => (process.env[name] ? process.env[name] === "true" : embedded);
        const result = await seedDatabase(prisma, { demo: flag("DEMO_DATA"), demoAccounts: flag("DEMO_ACCOUNTS") });
        console.log(`空数据库，已导入种子数据：${JSON.stringify(result.created)}`);
      }
      today = await businessToday(prisma);
    } finally {
      await prisma.$disconnect();
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    await shutdown(1);
  }
  if (stopping) return;
  server = supervise({
    command: process.execPath,
    args: [...serverFlags, path.resolve("runtime", "serve.mjs"), ...(dev ? ["--dev"] : [])],
    options: {
      env: {
        ...process.env,
        // glibc gives each of libvips's threads its own malloc arena and keeps what they freed:
        // two arenas keep the server's resident memory ~150 MB lower after photo uploads
        // (bench/RESULTS.md, "Uploads")
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
        PORT: port,
        DATABASE_URL: database.url,
        SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
        ...today,
        ...(database.kind === "embedded" ? { DATABASE_POOL_MAX: String(EMBEDDED_POOL_MAX) } : {}),
      },
    },
    log: (line) => console.error(`[${new Date().toISOString()}] ${line}`),
    stopTimeoutMs: (graceSeconds + 5) * 1000,
    onStartFailure: (code) => {
      console.error(`应用服务未能启动（退出码 ${code}），见上方输出。`);
      void shutdown(1);
    },
  });
  console.log(`服务地址：http://localhost:${port}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
