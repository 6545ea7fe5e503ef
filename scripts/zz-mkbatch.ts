import ExcelJS from "exceljs";
import { createPrismaClient } from "../src/server/db/client";
import { templateExport } from "../src/server/excel/exports";
import { xlsxBuffer } from "../src/server/excel/workbook";
import { previewImport } from "../src/server/excel/import-service";
async function main() {
  const prisma = createPrismaClient(process.argv[2], 2);
  const u = await prisma.user.findUniqueOrThrow({ where: { username: "huitong" } });
  const actor = { id: u.id, username: u.username, displayName: u.displayName, role: u.role, parkId: u.parkId };
  const t = await templateExport(prisma, actor, { month: "2024-12" });
  if (!t.ok) throw new Error(t.message);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsxBuffer(t.build)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  for (let r = 4; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(2).value ?? "").startsWith("YQ")) ws.getRow(r).getCell(10).value = 4500;
  const res = await previewImport(prisma, actor, { month: "2024-12", fileName: "会同县园区12月调度表.xlsx", bytes: Buffer.from(await wb.xlsx.writeBuffer()) });
  console.log(JSON.stringify(res.ok ? { batch: res.batchId } : { message: res.message }));
  await prisma.$disconnect();
}
main();
