// npm start: build the app if its sources changed, open the database (DATABASE_URL, or the
// embedded one in DATA_DIR), apply migrations, seed an empty database, serve on PORT (3000), and
// start the server again whenever it exits unexpectedly (runtime/supervise.ts).
// `npm start -- --build-only` only builds (when needed) and exits.
// `npm run dev` does the same with the Next.js development server instead of a build.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../src/server/db/runtime";
import { EMBEDDED_POOL_MAX } from "../src/server/db/embedded";
import { qualityConfig } from "../src/domain/quality-config";
import { heapFlags } from "./heap-flags";
import { withBuildLock } from "./build-lock";
import { prepareDatabase } from "./prepare-database";
import { createProgress } from "./progress";
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

const progress = createProgress();

const BUILD_LOCK_FILE = ".build.lock";

/** The fingerprint of the sources the current build was made from, or null (no complete build). */
function builtFingerprint(): string | null {
  return fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(FINGERPRINT_FILE) ? fs.readFileSync(FINGERPRINT_FILE, "utf8") : null;
}

async function buildIfNeeded() {
  const current = fingerprint();
  if (builtFingerprint() === current) {
    console.log("应用已是最新构建。");
    return;
  }
  // several servers started from one folder (park-projects@3001, @3002): one builds, the others
  // wait for it and then find the build up to date
  await withBuildLock(
    BUILD_LOCK_FILE,
    async () => {
      if (builtFingerprint() === current) {
        console.log("应用已由另一进程构建完成，是最新构建。");
        return;
      }
      // measured on a busy two-core machine: 2–3 min for the build (issue 18 saw 5 min 21 s for a whole first start)
      await progress.step("构建应用", "首次启动或代码更新后才需要；双核机器上通常 2–5 分钟，机器繁忙时更久，期间 Next.js 输出自己的进度", async () => {
        // a build half-made by a killed process is not taken for a finished one
        fs.rmSync(FINGERPRINT_FILE, { force: true });
        const status = await new Promise<number | null>((resolve, reject) => {
          const child = spawn(process.execPath, [NEXT, "build"], { stdio: "inherit", env: process.env });
          child.on("error", reject);
          child.on("exit", (code) => resolve(code));
        });
        if (status !== 0) throw new Error("构建失败，见上方输出。");
      });
      fs.writeFileSync(FINGERPRINT_FILE, current);
    },
    (holder) => console.log(`另一进程（${holder}）正在构建应用（同一目录），等待其完成…`),
  );
}

async function main() {
  // `npm start -- --build-only`: build when the sources changed, then exit (before starting or
  // restarting app servers that share this folder: docs/operations.md, "Several app servers")
  if (process.argv.includes("--build-only")) {
    await buildIfNeeded();
    return;
  }
  const serverFlags = dev ? [] : heapFlags();
  const graceSeconds = shutdownGraceSeconds();
  if (!dev) await buildIfNeeded();
  const database = await progress.step("打开数据库", "通常几秒；内置数据库首次创建约半分钟", () => openDatabase());
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
    // the 数据质量 thresholds (QUALITY_*): a bad value stops the start with its message, rather than every submit
    qualityConfig();
    // migrations, retention, the first seeding: once, when several servers start together
    today = await prepareDatabase(database, progress.step);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    await shutdown(1);
  }
  if (stopping) return;
  console.log("正在启动应用服务…（通常几秒到半分钟）");
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
    onFirstReady: () => console.log(`已就绪，启动共用时 ${progress.total()}。服务地址：http://localhost:${port}`),
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
