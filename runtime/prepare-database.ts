// What `npm start` does to the database before serving (runtime/start.ts): apply migrations, apply
// AUDIT_RETENTION_DAYS, seed an empty database, and read the business "today" the app servers run
// on. On PostgreSQL it runs under the start-up lock (runtime/startup-lock.ts), so that several
// servers starting together prepare the database once.
import { createPrismaClient } from "../src/server/db/client";
import { ensureMigrated, type OpenDatabase } from "../src/server/db/runtime";
import { seedDatabase } from "../src/server/seed";
import { readDemoDate } from "../src/server/seed/demo";
import { appToday } from "../src/lib/month";
import { applyRetentionFromEnv } from "../src/server/audit/retention";
import { withStartupLock } from "./startup-lock";

type Step = <T>(label: string, usually: string | null, work: () => Promise<T> | T) => Promise<T>;

/**
 * The business "today" of the app servers: APP_TODAY when the operator set it; else the demo's
 * date when the database holds the demo set (recorded by its seed, so every app server sharing the
 * database agrees, and the header says 演示日期); else the clock's (nothing set).
 */
async function businessToday(prisma: ReturnType<typeof createPrismaClient>, log: (line: string) => void): Promise<Record<string, string>> {
  const fixed = appToday();
  if (fixed) {
    log(`业务日期：${fixed}（APP_TODAY）。`);
    return process.env.APP_TODAY_SOURCE ? {} : { APP_TODAY_SOURCE: "operator" };
  }
  const demoDate = await readDemoDate(prisma);
  if (!demoDate) return {};
  log(`演示数据：业务日期按演示日期 ${demoDate} 计算（设置 APP_TODAY 可改）。`);
  return { APP_TODAY: demoDate, APP_TODAY_SOURCE: "demo" };
}

/** Prepares the database; resolves with the environment the app servers need besides it (APP_TODAY). */
export async function prepareDatabase(
  database: Pick<OpenDatabase, "kind" | "url">,
  step: Step = async (_label, _usually, work) => work(),
  log: (line: string) => void = console.log,
): Promise<Record<string, string>> {
  const prepare = async () => {
    const applied = await step("检查并应用数据库迁移", "通常几秒，首次约半分钟", () => ensureMigrated(database.url));
    log(applied.length ? `已应用数据库迁移：${applied.join(", ")}` : "数据库结构已是最新。");
    const prisma = createPrismaClient(database.url, 2);
    try {
      // AUDIT_RETENTION_DAYS, when set, applied with the migrations (refused below 180 days)
      const retention = await applyRetentionFromEnv(prisma);
      if (retention?.changed) log(`操作日志保存期限：${retention.before}天 → ${retention.after}天。`);
      const empty = (await prisma.annualPlan.count()) === 0 && (await prisma.project.count()) === 0;
      if (empty && process.env.SEED_ON_START !== "false") {
        const embedded = database.kind === "embedded";
        const flag = (name: string) => (process.env[name] ? process.env[name] === "true" : embedded);
        const result = await step("向空数据库导入种子数据和演示数据", "通常半分钟到一两分钟", () =>
          seedDatabase(prisma, { demo: flag("DEMO_DATA"), demoAccounts: flag("DEMO_ACCOUNTS") }),
        );
        log(`空数据库，已导入种子数据：${JSON.stringify(result.created)}`);
      }
      return await businessToday(prisma, log);
    } finally {
      await prisma.$disconnect();
    }
  };
  // the embedded database is opened by this process alone (its data folder is locked)
  return database.kind === "postgres" ? withStartupLock(database.url, prepare, log) : prepare();
}
