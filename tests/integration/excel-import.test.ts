// The Excel round trip and the import's refusals, as a county would meet them: export the
// 调度表, change numbers in it as one would in Excel, import it, see the revisions awaiting review;
// re-import the same file and nothing changes. Every hostile or broken file is refused with its
// message and the database stays exactly as it was.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";

// the form actions run against a database client the test chooses, as a signed-in user (h.prisma, h.token)
import { request as h } from "../helpers/next-request";

import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, sessionToken, type Actors } from "../helpers/actors";
import { fingerprint, formData } from "../helpers/fingerprint";
import { atEveryStatement, faultyDb } from "../helpers/faults";
import { applyImportAction } from "@/server/excel/actions";
import { initialActionState, type ActionState } from "@/server/action-state";
import { CONNECTION_FAILURE_MESSAGE } from "@/server/db/connection-errors";
import { colOf, editSheet, exportedFile, loadWorkbook, makeZip, rowOf, saveWorkbook, unzipEntries } from "../helpers/xlsx";
import { monthlyReportForm } from "../helpers/monthly-report";
import { scheduleExport, templateExport } from "@/server/excel/exports";
import { applyImport, previewImport } from "@/server/excel/import-service";
import { reviewMonthlyReport } from "@/server/monthly-reports/service";
import { publishPeriod } from "@/server/periods/service";
import { H } from "@/server/excel/schedule";
import { leftBehindConfirmation } from "../helpers/publication";

const MONTH = "2024-12";

describe("Excel import of a monthly 调度表", () => {
  let t: TestDatabase;
  let a: Actors;
  let huitongPark: number;
  beforeAll(async () => {
    t = await createTestDatabase("seeded");
    a = await actorsOf(t.prisma);
    huitongPark = a.huitong.parkId!;
  });
  afterAll(async () => t?.drop());

  const exported = async (sp: Record<string, string> = { park: String(huitongPark) }, month = MONTH) => exportedFile(await scheduleExport(t.prisma, a.huitong, month, sp));
  const template = async () => exportedFile(await templateExport(t.prisma, a.huitong, { month: MONTH }));

  const preview = (bytes: Buffer, fileName = "调度表.xlsx", actor = a.huitong) => previewImport(t.prisma, actor, { month: MONTH, fileName, bytes });

  /** A file refused as a whole or for its rows: the message, and nothing stored or changed. */
  async function refused(bytes: Buffer, message: RegExp, fileName = "调度表.xlsx") {
    const before = await fingerprint(t.prisma);
    const result = await preview(bytes, fileName);
    expect(result.ok).toBe(false);
    const messages = [result.ok ? "" : result.message, ...(result.preview?.rows.flatMap((r) => r.errors.map((e) => `${e.column}：${e.message}`)) ?? [])].join("\n");
    expect(messages).toMatch(message);
    expect(await fingerprint(t.prisma)).toBe(before);
    return result;
  }

  it("round trip: the exported 调度表, changed as in Excel, imports as a revision awaiting review; the same file again changes nothing", async () => {
    const file = await exported();
    const wb = await loadWorkbook(file);
    const ws = wb.worksheets[0];
    // what the office reads: title with the month and 未发布, numbers as numbers with their format
    expect(String(ws.getCell("A1").value)).toContain("2024年12月重大项目调度表（会同县园区）（未发布）");
    expect(String(ws.getCell("A2").value)).toMatch(/未发布，数据为截至导出时审核通过的数字/);
    const row = rowOf(ws, "YQ2024-001");
    expect(row.getCell(colOf(ws, H.cumulative)).value).toBe(150000);
    expect(row.getCell(colOf(ws, H.cumulative)).numFmt).toBe("#,##0.00");
    expect(row.getCell(colOf(ws, H.month)).value).toBeNull(); // 未报 in December

    const changed = await editSheet(file, (s) => {
      const r = rowOf(s, "YQ2024-001");
      r.getCell(colOf(s, H.month)).value = 5000;
      r.getCell(colOf(s, H.cumulative)).value = 155000;
      r.getCell(colOf(s, H.progress)).value = "主体厂房封顶，设备进场";
    });
    const result = await preview(changed, "会同县12月调度表.xlsx");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview.counts).toEqual({ change: 1, unchanged: 0, skipped: 0, error: 0 });
    const [row1] = result.preview.rows;
    expect(row1).toMatchObject({ code: "YQ2024-001", kind: "change", before: null, previous: { month: "2024-11", cumulativeInvestment: "150000" } });
    expect(row1.after).toMatchObject({ monthInvestment: "5000", cumulativeInvestment: "155000", progressText: "主体厂房封顶，设备进场" });

    const applied = await applyImport(t.prisma, a.huitong, result.batchId!);
    expect(applied).toEqual({ applied: 1, month: MONTH });
    const report = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-001" }, month: MONTH }, include: { currentRevision: true } });
    expect(report.status).toBe("SUBMITTED");
    expect(report.currentRevision?.cumulativeInvestment.toString()).toBe("155000");
    expect(report.currentRevision?.monthInvestment?.toString()).toBe("5000");
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "report.import" } });
    expect(audit.after).toMatchObject({ fileName: "会同县12月调度表.xlsx", changeCount: 1, month: MONTH });
    expect((audit.after as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.prisma.auditLog.count({ where: { action: "report.submit", entityId: String(report.id) } })).toBe(1);

    // the same file again: nothing to import, nothing stored, nothing changed
    const again = await refused(changed, /没有需要导入的修改/);
    expect(again.preview?.counts).toMatchObject({ change: 0, unchanged: 1 });

    // the office approves and publishes; the published 调度表 shows the imported figures
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: report.id, version: report.version, decision: "approve", reason: "" });
    const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } });
    await publishPeriod(t.prisma, a.admin, { month: MONTH, version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, MONTH) }, "2025-01-06");
    const published = (await loadWorkbook(await exported({}))).worksheets[0];
    expect(String(published.getCell("A1").value)).not.toContain("未发布");
    expect(String(published.getCell("A2").value)).toMatch(/^已发布：数据为第1次发布/);
    expect(rowOf(published, "YQ2024-001").getCell(colOf(published, H.month)).value).toBe(5000);
    // a total row whose 开工至今累计 is the exact sum of the park subtotals
    let total = 0;
    let subtotals = 0;
    published.eachRow((r) => {
      const label = String(r.getCell(3).value ?? "");
      if (label.endsWith("小计")) subtotals += Number(r.getCell(colOf(published, H.cumulative)).value);
      if (label === "合计") total = Number(r.getCell(colOf(published, H.cumulative)).value);
    });
    expect(total).toBe(subtotals);
    expect(total).toBe(155000 + 170000 + 56000 + 47000);
    // reopened for the refusal tests below
    await t.prisma.reportingPeriod.update({ where: { month: MONTH }, data: { status: "OPEN" } });
  });

  it("the template is prefilled with last month's figures; typing only 本月 computes 累计 = 上月累计 + 本月", async () => {
    const file = await template();
    const ws = (await loadWorkbook(file)).worksheets[0];
    expect(String(ws.getCell("A1").value)).toContain("导入模板");
    expect(rowOf(ws, "YQ2024-001").getCell(colOf(ws, H.cumulative)).value).toBe(155000);
    // 新晃 has no row in 会同's template
    expect(() => rowOf(ws, "YQ2024-004")).toThrow();
  });

  it("refuses a file that is not an xlsx", async () => {
    await refused(Buffer.from("项目代码,本月完成投资\nYQ2024-001,100\n"), /不是 Excel 工作簿/, "调度表.xlsx");
  });

  it("refuses an encrypted workbook (an OLE container) and a macro workbook", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 1)]);
    await refused(ole, /已加密/);
    const file = await template();
    await refused(file, /含宏的工作簿/, "调度表.xlsm");
    const entries = await unzipEntries(file);
    await refused(makeZip([...entries, { name: "xl/vbaProject.bin", data: Buffer.from("macro") }]), /含宏的工作簿/);
  });

  it("refuses an empty workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    await refused(await saveWorkbook(wb), /工作簿是空的/);
  });

  it("refuses wrong or missing headers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(["代码", "名称", "本月"]);
    ws.addRow(["YQ2024-001", "中伟", 100]);
    await refused(await saveWorkbook(wb), /找不到表头/);
    const noMonth = await editSheet(await template(), (s) => (s.getRow(3).getCell(colOf(s, H.month)).value = "本期投资"));
    await refused(noMonth, /缺少表头 “本月完成投资（万元）”/);
    const noUnit = await editSheet(await template(), (s) => (s.getRow(3).getCell(colOf(s, H.month)).value = "本月完成投资"));
    await refused(noUnit, /没有注明单位/);
  });

  it("refuses amounts in 亿元 instead of converting them, in 累计 and in 本月", async () => {
    const yi = await editSheet(await template(), (s) => (s.getRow(3).getCell(colOf(s, H.cumulative)).value = "开工至今累计完成投资（亿元）"));
    await refused(yi, /“开工至今累计完成投资（亿元）”的单位是亿元：本表按万元导入，不做换算/);
    const monthYi = await editSheet(await template(), (s) => {
      const col = colOf(s, H.month);
      rowOf(s, "YQ2024-001").getCell(col).value = 0.5;
      s.getRow(3).getCell(col).value = "本月完成投资（亿元）";
    });
    await refused(monthYi, /“本月完成投资（亿元）”的单位是亿元：本表按万元导入，不做换算/);
  });

  it("refuses merged cells among the rows", async () => {
    const merged = await editSheet(await template(), (s) => {
      const r = rowOf(s, "YQ2024-001").number;
      s.mergeCells(r, colOf(s, H.month), r, colOf(s, H.cumulative));
    });
    await refused(merged, /合并单元格/);
  });

  it("takes a formula's saved result, and refuses a formula saved without one", async () => {
    const withResult = await editSheet(await template(), (s) => {
      const r = rowOf(s, "YQ2024-001");
      r.getCell(colOf(s, H.month)).value = { formula: "1000+234.5", result: 1234.5 };
      r.getCell(colOf(s, H.cumulative)).value = null;
    });
    const ok = await preview(withResult);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.preview.rows[0].after).toMatchObject({ monthInvestment: "1234.5", cumulativeInvestment: "151234.5" });
    await t.prisma.importBatch.deleteMany({});
    const noResult = await editSheet(await template(), (s) => (rowOf(s, "YQ2024-001").getCell(colOf(s, H.month)).value = { formula: "1000+234.5" } as ExcelJS.CellFormulaValue));
    await refused(noResult, /含公式但文件中没有计算结果/);
  });

  it("refuses text and full-width digits in number columns, per cell", async () => {
    await refused(await editSheet(await template(), (s) => (rowOf(s, "YQ2024-001").getCell(colOf(s, H.month)).value = "五千")), /本月完成投资（万元）：本月完成投资须为数字/);
    await refused(await editSheet(await template(), (s) => (rowOf(s, "YQ2024-001").getCell(colOf(s, H.month)).value = "５０００")), /含全角数字/);
    await refused(await editSheet(await template(), (s) => (rowOf(s, "YQ2024-001").getCell(colOf(s, H.month)).value = "5000万元")), /须为数字（单位：万元）/);
  });

  it("refuses duplicated project rows, unknown codes and another county's rows", async () => {
    const dup = await editSheet(await template(), (s) => {
      const r = rowOf(s, "YQ2024-001");
      r.getCell(colOf(s, H.month)).value = 100;
      const copy = s.getRow(s.rowCount + 2);
      copy.values = r.values;
    });
    await refused(dup, /与第4行重复/);
    const unknown = await editSheet(await template(), (s) => {
      const r = rowOf(s, "YQ2024-001");
      r.getCell(2).value = "NOPE-999";
      r.getCell(colOf(s, H.month)).value = 100;
    });
    await refused(unknown, /项目代码「NOPE-999」不存在/);
    // the whole period's 调度表, all parks: a county may import only its own rows
    await refused(await exported({}), /属于洞口县园区：只能导入本县区园区的项目/);
  });

  it("refuses 10 MB of junk", async () => {
    await refused(Buffer.alloc(10 * 1024 * 1024, 0x41), /文件超过 5 MB/);
  });

  it("refuses a zip bomb: a part inflating past its declared size, or declared too large", async () => {
    const entries = (await unzipEntries(await template())).filter((e) => e.name !== "xl/worksheets/sheet1.xml");
    // a part that declares 1 KB but inflates to 20 MB: inflating stops at 1 KB
    const bomb = makeZip([...entries, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(20 * 1024 * 1024, 0x20), declaredSize: 1024 }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    await refused(bomb, /压缩炸弹/);
    // an honest one: declared 41 MB
    await refused(makeZip([...entries, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(41 * 1024 * 1024, 0x20) }]), /解压后过大/);
  });

  it("refuses 100,000 rows, counted before they are parsed", async () => {
    const entries = (await unzipEntries(await template())).filter((e) => e.name !== "xl/worksheets/sheet1.xml");
    const rows = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 4}"><c r="B${i + 4}" t="inlineStr"><is><t>X${i}</t></is></c><c r="J${i + 4}"><v>1</v></c></row>`);
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="3"><c r="B3" t="inlineStr"><is><t>${H.code}</t></is></c><c r="J3" t="inlineStr"><is><t>${H.month}</t></is></c></row>${rows.join("")}</sheetData></worksheet>`;
    const file = makeZip([...entries, { name: "xl/worksheets/sheet1.xml", data: Buffer.from(sheet) }]);
    expect(file.length).toBeLessThan(5 * 1024 * 1024);
    await refused(file, /工作表有 100001 行，超过上限 12000 行/);
  });

  it("apply is all or nothing: a report changed after the preview refuses the whole batch, nothing written", async () => {
    // an administrator's file of every park: 会同's and 洞口's projects change
    const all = await editSheet(await exported({}), (s) => {
      for (const code of ["YQ2024-001", "YQ2024-002"]) {
        rowOf(s, code).getCell(colOf(s, H.month)).value = 321;
        rowOf(s, code).getCell(colOf(s, H.cumulative)).value = null;
      }
    });
    const result = await preview(all, "全市.xlsx", a.admin);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview.counts.change).toBe(2);
    // 洞口 saves its month through the form in between
    const { saveMonthlyReport } = await import("@/server/monthly-reports/service");
    await saveMonthlyReport(
      t.prisma,
      a.dongkou,
      monthlyReportForm({ projectCode: "YQ2024-002", month: MONTH, monthInvestment: "10", cumulativeInvestment: "170010", progressText: "草稿", intent: "save" }),
    );
    const before = await fingerprint(t.prisma);
    await expect(applyImport(t.prisma, a.admin, result.batchId!)).rejects.toThrow(/预览之后，YQ2024-002的本月报表已被修改/);
    expect(await fingerprint(t.prisma)).toBe(before);
  });

  it("refuses a file of another month and a published month", async () => {
    const nov = await editSheet(await template(), (s) => (s.getCell("A1").value = "2024年11月重大项目调度表（会同县园区）导入模板"));
    await refused(nov, /文件是2024年11月的调度表/);
    const before = await fingerprint(t.prisma);
    const r = await previewImport(t.prisma, a.huitong, {
      month: "2024-11",
      fileName: "a.xlsx",
      bytes: await editSheet(await template(), (s) => (s.getCell("A1").value = "调度表")),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/2024年11月调度已发布，不能再导入/);
    expect(await fingerprint(t.prisma)).toBe(before);
  });

  /** The import template of the park of `code`, as the office downloads it, with only 本月 typed for `code`. */
  async function templateWithMonth(code: string, monthInvestment: number): Promise<{ file: Buffer; prefilled: unknown }> {
    const project = await t.prisma.project.findUniqueOrThrow({ where: { code } });
    const result = await templateExport(t.prisma, a.admin, { month: MONTH, park: String(project.parkId) });
    let prefilled: unknown;
    const file = await editSheet(await exportedFile(result), (s) => {
      prefilled = rowOf(s, code).getCell(colOf(s, H.cumulative)).value;
      rowOf(s, code).getCell(colOf(s, H.month)).value = monthInvestment;
    });
    return { file, prefilled };
  }

  it("a template taken before the month was reported, with only 本月 typed, imports once; the same file again is 没有需要导入的修改, awaiting review or approved", async () => {
    const { file, prefilled } = await templateWithMonth("YQ2024-004", 300);
    expect(prefilled).toBe(47000); // 上期累计, left as it is
    const first = await previewImport(t.prisma, a.admin, { month: MONTH, fileName: "新晃.xlsx", bytes: file });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.preview.rows[0]).toMatchObject({ kind: "change", after: { monthInvestment: "300", cumulativeInvestment: "47300" } });
    await applyImport(t.prisma, a.admin, first.batchId!);
    const again = async () => {
      const before = await fingerprint(t.prisma);
      const result = await previewImport(t.prisma, a.admin, { month: MONTH, fileName: "新晃.xlsx", bytes: file });
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^没有需要导入的修改/) });
      expect(result.preview?.counts).toEqual({ change: 0, unchanged: 1, skipped: 0, error: 0 });
      expect(await fingerprint(t.prisma)).toBe(before);
    };
    await again(); // awaiting review
    const report = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-004" }, month: MONTH } });
    // 形象进度 left as the template prefilled it (November's) while 本月 > 0: flagged 形象进度未更新, approved with a 核实说明
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: report.id, version: report.version, decision: "approve", reason: "", note: "已核实：本月仅零星投入" });
    await again(); // approved
  });

  it("an apply whose database connection is lost at any statement stores all of it or none — no report left 已提交 without figures — and says so; then it goes through", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {}); // the actions log each lost connection
    vi.spyOn(console, "error").mockImplementation(() => {});
    h.token = await sessionToken(t.prisma, a.admin);
    const upload = async (code: string, monthInvestment: number) => {
      const { file } = await templateWithMonth(code, monthInvestment);
      const uploaded = await previewImport(t.prisma, a.admin, { month: MONTH, fileName: `${code}.xlsx`, bytes: file });
      if (!uploaded.ok) throw new Error(uploaded.message);
      return uploaded.batchId!;
    };
    const submittedWithoutFigures = async () =>
      (await t.prisma.monthlyReport.findMany({ where: { status: "SUBMITTED", currentRevisionId: null }, include: { project: true } })).map((r) => r.project.code);
    const f = faultyDb(t.url);
    h.prisma = f.prisma;
    try {
      // 溆浦's project has no December report yet: the apply creates it
      const batchId = await upload("YQ2024-003", 800);
      const before = await fingerprint(t.prisma);
      const nothingStored = async (moment: string) => {
        expect(await submittedWithoutFigures(), moment).toEqual([]);
        expect(await fingerprint(t.prisma), moment).toBe(before);
      };
      const apply = (id: number) => applyImportAction(initialActionState, formData({ batchId: String(id) }));
      const { result, statements } = await atEveryStatement(
        f,
        "cut",
        () => apply(batchId),
        async (moment, answer: ActionState, statement) => {
          expect(answer, moment).toMatchObject({ ok: false, message: CONNECTION_FAILURE_MESSAGE[statement === "COMMIT" ? "commit-unknown" : "lost"] });
          await nothingStored(moment);
        },
      );
      expect(statements).toBeGreaterThan(10);
      expect(result).toEqual({ ok: true, message: "已导入：2024年12月1个项目的月报已提交，等待园区审核。" });
      const report = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-003" }, month: MONTH }, include: { currentRevision: true } });
      expect(report).toMatchObject({ status: "SUBMITTED", version: 1 });
      expect(report.currentRevision).toMatchObject({ revisionNo: 1 });
      expect(report.currentRevision?.monthInvestment?.toString()).toBe("800");
      expect(report.currentRevision?.cumulativeInvestment.toString()).toBe("56800");
      expect(await t.prisma.importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ status: "APPLIED" });
      expect(await t.prisma.auditLog.count({ where: { action: "report.import", entityId: String(batchId) } })).toBe(1);

      // 洞口's draft: a failure half-way that is not the connection's (a bug, say), and on
      // PostgreSQL the backend terminated half-way: nothing stored, each told apart
      const second = await upload("YQ2024-002", 900);
      const draft = await fingerprint(t.prisma);
      f.arm({ at: { afterBegin: 6 }, kind: "fail" });
      expect(await apply(second)).toMatchObject({ ok: false, message: "保存失败：系统暂时无法处理，请稍后重试。您填写的内容未丢失。" });
      expect(f.fired).toBe(true);
      expect(await fingerprint(t.prisma)).toBe(draft);
      if (process.env.DATABASE_URL) {
        f.arm({ at: { afterBegin: 6 }, kind: "terminate" });
        expect(await apply(second)).toMatchObject({ ok: false, message: CONNECTION_FAILURE_MESSAGE.lost });
        expect(f.fired).toBe(true);
        expect(await fingerprint(t.prisma)).toBe(draft);
      }
      f.count();
      expect(await apply(second)).toMatchObject({ ok: true });
    } finally {
      await f.disconnect();
    }
  });
});
