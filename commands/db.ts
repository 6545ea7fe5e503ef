// npm run db:migrate | db:status | db:seed [-- --demo]
// db:migrate also applies AUDIT_RETENTION_DAYS when it is set (src/server/audit/retention.ts).
// Works on DATABASE_URL when set, otherwise on the embedded database in DATA_DIR.
import { createPrismaClient } from "../src/server/db/client";
import { migrateDeploy, migrateStatus, openDatabase } from "../src/server/db/runtime";
import { seedDatabase } from "../src/server/seed";
import { readDemoDate } from "../src/server/seed/demo";
import { applyRetentionFromEnv } from "../src/server/audit/retention";

async function main() {
  const [command, ...flags] = process.argv.slice(2);
  const database = await openDatabase();
  console.log(`数据库：${database.description}`);
  try {
    if (command === "migrate") {
      await migrateDeploy(database.url);
      // AUDIT_RETENTION_DAYS, when set, is applied with the migrations (refused below 180 days)
      const prisma = createPrismaClient(database.url, 2);
      try {
        const r = await applyRetentionFromEnv(prisma);
        if (r) console.log(r.changed ? `操作日志保存期限：${r.before}天 → ${r.after}天。` : `操作日志保存期限：${r.after}天。`);
      } finally {
        await prisma.$disconnect();
      }
    } else if (command === "status") await migrateStatus(database.url);
    else if (command === "seed") {
      const prisma = createPrismaClient(database.url, 2);
      try {
        const demo = flags.includes("--demo");
        const result = await seedDatabase(prisma, { demo, demoAccounts: demo });
        console.log(Object.keys(result.created).length ? `已导入：${JSON.stringify(result.created)}` : "种子数据已存在，未作改动。");
        const demoDate = await readDemoDate(prisma);
        if (demoDate) console.log(`演示日期：${demoDate}。应用（npm start）启动时按此日期计算业务日期，除非设置了 APP_TODAY；已在运行的应用需重启。`);
      } finally {
        await prisma.$disconnect();
      }
    } else {
      throw new Error(`未知命令：${command ?? "(无)"}；可用：migrate, status, seed`);
    }
  } finally {
    await database.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
