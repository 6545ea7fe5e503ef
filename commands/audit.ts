// npm run audit:retention [-- --days N]      show, or set, how long the audit log is kept (≥ 180 days)
// npm run audit:purge -- --before YYYY-MM-DD [--dry-run]
//                                            delete the entries created before that day, if older than the retention
// On DATABASE_URL, or the embedded database in DATA_DIR (stop the app first). Without --days,
// audit:retention applies AUDIT_RETENTION_DAYS when it is set. Both changes are audited; the
// database itself refuses anything the retention does not allow (src/server/audit/retention.ts).
import { parseArgs } from "node:util";
import { createPrismaClient } from "../src/server/db/client";
import { ensureMigrated, openDatabase } from "../src/server/db/runtime";
import { getRetentionDays, parseRetentionDays, purgeAuditLog, setRetentionDays } from "../src/server/audit/retention";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { days: { type: "string" }, before: { type: "string" }, "dry-run": { type: "boolean" } },
  });
  if (command !== "retention" && command !== "purge") throw new Error(`未知命令：${command ?? "(无)"}；可用：retention, purge`);
  if (command === "purge" && !values.before) throw new Error("请用 --before YYYY-MM-DD 指明清理哪一天之前的操作日志。");
  const database = await openDatabase();
  console.log(`数据库：${database.description}`);
  const prisma = createPrismaClient(database.url, 2);
  try {
    await ensureMigrated(database.url);
    if (command === "retention") {
      const days = values.days !== undefined ? parseRetentionDays(values.days, "--days") : parseRetentionDays(process.env.AUDIT_RETENTION_DAYS);
      if (days === null) {
        console.log(`操作日志保存期限：${await getRetentionDays(prisma)}天（设置 AUDIT_RETENTION_DAYS 或 --days 修改，最少180天）。`);
        return;
      }
      const r = await setRetentionDays(prisma, days);
      console.log(r.changed ? `操作日志保存期限：${r.before}天 → ${r.after}天（已记入操作日志）。` : `操作日志保存期限已是${r.after}天，未作改动。`);
      return;
    }
    const r = await purgeAuditLog(prisma, { before: values.before!, dryRun: values["dry-run"] });
    console.log(
      r.dryRun
        ? `试运行：${r.before}之前的操作日志共${r.deleted}条，可以清理（保存期限${r.retentionDays}天）；未删除任何记录。`
        : `已清理${r.before}之前的操作日志${r.deleted}条（保存期限${r.retentionDays}天）；本次清理已记入操作日志。`,
    );
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
