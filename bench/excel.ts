// Excel timings for `npm run bench` (run by bench/run.ts in a child process with the
// react-server condition, as the app's server code is marked server-only):
//   - export: the 调度表 of the newest published month, all county parks (scheduleExport, the
//     whole workbook written into memory), as the route handler streams it;
//   - import: a file of every project that can report the open month (its SQL read here, the
//     workbook written with exceljs), 本月 and 形象进度 changed on every row: previewImport
//     (zip checks, parse, every row checked against the database, the batch stored), then
//     applyImportIn (re-check under lock, revisions, events, audit) in a transaction rolled back
//     afterwards, so the dataset stays as it was.
// Usage: node --conditions=react-server --import tsx bench/excel.ts <database url> <open month> <published month>
// Prints one JSON line.
import ExcelJS from "exceljs";
import { Prisma } from "../src/generated/prisma/client";
import { createPrismaClient } from "../src/server/db/client";
import { scheduleExport } from "../src/server/excel/exports";
import { xlsxBuffer } from "../src/server/excel/workbook";
import { H } from "../src/server/excel/schedule";
import { applyImportIn, previewImport } from "../src/server/excel/import-service";
import type { Actor } from "../src/server/auth/actor";

class Undo extends Error {}

async function main() {
  const [url, openMonth, publishedMonth] = process.argv.slice(2);
  const prisma = createPrismaClient(url, 2);
  const out: Record<string, unknown> = {};
  try {
    const user = await prisma.user.findUniqueOrThrow({ where: { username: "bench-admin" } });
    const actor: Actor = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, parkId: user.parkId };

    let t0 = performance.now();
    const exported = await scheduleExport(prisma, actor, publishedMonth, {});
    if (!exported.ok) throw new Error(exported.message);
    const bytes = await xlsxBuffer(exported.build);
    out.export = { month: publishedMonth, projects: exported.rows, ms: Math.round(performance.now() - t0), kb: Math.round(bytes.length / 1024) };

    // every project without a report awaiting review in the open month (those refuse changes)
    const codes = await prisma.$queryRaw<Array<{ code: string }>>(Prisma.sql`
      SELECT p.code FROM "Project" p
       WHERE NOT EXISTS (SELECT 1 FROM "MonthlyReport" r WHERE r."projectId" = p.id AND r.month = ${openMonth} AND r.status = 'SUBMITTED')
       ORDER BY p.code LIMIT 5000`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("调度表");
    ws.addRow([`${openMonth.slice(0, 4)}年${Number(openMonth.slice(5))}月重大项目调度表（基准测试）`]);
    ws.addRow(["基准测试文件"]);
    ws.addRow([H.no, H.code, H.month, H.cumulative, H.progress, H.explanation]);
    codes.forEach((c, i) => ws.addRow([i + 1, c.code, 12.5, null, "基准测试：主体施工", "基准测试"]));
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    t0 = performance.now();
    const preview = await previewImport(prisma, actor, { month: openMonth, fileName: "bench.xlsx", bytes: file });
    const previewMs = Math.round(performance.now() - t0);
    if (!preview.ok) throw new Error(`preview refused: ${preview.message} ${JSON.stringify(preview.preview?.rows.find((r) => r.kind === "error")?.errors ?? [])}`);
    let applyMs = 0;
    let applied = 0;
    await prisma
      .$transaction(
        async (tx) => {
          const t1 = performance.now();
          applied = (await applyImportIn(tx, actor, preview.batchId!)).applied;
          applyMs = Math.round(performance.now() - t1);
          throw new Undo();
        },
        { timeout: 600_000, maxWait: 30_000 },
      )
      .catch((e) => {
        if (!(e instanceof Undo)) throw e;
      });
    await prisma.importBatch.delete({ where: { id: preview.batchId! } });
    out.import = { month: openMonth, rows: codes.length, changes: applied, kb: Math.round(file.length / 1024), previewMs, applyMs };
  } catch (e) {
    out.error = (e as Error).message.split("\n")[0];
  } finally {
    await prisma.$disconnect();
  }
  console.log(JSON.stringify(out));
}

main();
