// The Excel downloads as the office opens them: the 调度表 of a published month (columns, numbers
// as numbers with their formats, subtotals per park and the total, frozen header, A3 landscape
// print set-up with the header repeated), and the lists with the same filters as their pages.
import { describe, expect, it } from "vitest";
import type ExcelJS from "exceljs";
import { type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { type Actors } from "../helpers/actors";
import { colOf, exportedSheet, rowOf } from "../helpers/xlsx";
import { auditExport, issueExport, projectListExport, scheduleExport } from "@/server/excel/exports";
import { H, SCHEDULE_COLUMNS } from "@/server/excel/schedule";
import { countAudit, parseAuditFilters } from "@/server/audit/queries";

describe("Excel exports", () => {
  let t: TestDatabase;
  let a: Actors;
  useSeededDatabase((db, actors) => ([t, a] = [db, actors]));

  const bodyRows = (ws: ExcelJS.Worksheet) => {
    const rows: ExcelJS.Row[] = [];
    for (let r = 4; r <= ws.rowCount; r++) if (typeof ws.getRow(r).getCell(1).value === "number") rows.push(ws.getRow(r));
    return rows;
  };

  it("the 调度表 of a published month: the offices' columns, numbers with formats, park subtotals and the total, printable", async () => {
    const ws = await exportedSheet(await scheduleExport(t.prisma, a.leader, "2024-11", {}));
    expect(String(ws.getCell("A1").value)).toBe("2024年11月重大项目调度表");
    expect(String(ws.getCell("A2").value)).toMatch(/^已发布：数据为第1次发布（.*）的数字，只计审核通过的月报。单位：万元。/);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(SCHEDULE_COLUMNS.map((c) => c.header));

    const zw = rowOf(ws, "YQ2024-001");
    expect(zw.getCell(colOf(ws, H.total)).value).toBe(330000);
    expect(zw.getCell(colOf(ws, H.cumulative)).value).toBe(150000);
    expect(zw.getCell(colOf(ws, H.total)).numFmt).toBe("#,##0.00");
    // 占总投资 15亿 ÷ 33亿 = 45.45%, a number formatted as %
    expect(zw.getCell(colOf(ws, H.totalRate)).value).toBeCloseTo(0.4545, 4);
    expect(zw.getCell(colOf(ws, H.totalRate)).numFmt).toBe("0.00%");
    expect(zw.getCell(colOf(ws, H.park)).value).toBe("会同县园区");
    expect(zw.getCell(colOf(ws, H.warning)).value).toBe("黄色预警");

    // a subtotal row after each park, then the total, each the exact sum of what it covers
    const labels: string[] = [];
    ws.eachRow((r, n) => {
      if (n > 3) labels.push(String(r.getCell(3).value ?? ""));
    });
    expect(labels.filter((l) => l.endsWith(" 小计"))).toEqual(["会同县园区 小计", "洞口县园区 小计", "溆浦县园区 小计", "新晃县园区 小计"]);
    const totalRow = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(3).value === "合计")!;
    const sum = (col: string) => bodyRows(ws).reduce((s, r) => s + Number(r.getCell(colOf(ws, col)).value ?? 0), 0);
    expect(totalRow.getCell(colOf(ws, H.total)).value).toBe(sum(H.total));
    expect(totalRow.getCell(colOf(ws, H.cumulative)).value).toBe(150000 + 170000 + 56000 + 47000);
    expect(totalRow.getCell(colOf(ws, H.cumulative)).value).toBe(sum(H.cumulative));
    expect(totalRow.getCell(4).value).toBe("4个项目");

    // frozen header, print set-up
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 8 });
    expect(ws.pageSetup.printTitlesRow).toBe("1:3");
    expect(ws.getColumn(colOf(ws, H.name)).width).toBeGreaterThan(20);
  });

  it("the 调度表 of one park has only its projects", async () => {
    const ws = await exportedSheet(await scheduleExport(t.prisma, a.leader, "2024-11", { park: String(a.dongkou.parkId) }));
    expect(String(ws.getCell("A1").value)).toBe("2024年11月重大项目调度表（洞口县园区）");
    expect(bodyRows(ws).map((r) => r.getCell(2).value)).toEqual(["YQ2024-002"]);
  });

  it("the project list follows the page's filters and sort", async () => {
    let ws = await exportedSheet(await projectListExport(t.prisma, a.leader, { q: "金石" }));
    expect(bodyRows(ws).map((r) => r.getCell(2).value)).toEqual(["YQ2024-002"]);
    ws = await exportedSheet(await projectListExport(t.prisma, a.leader, { sort: "total", dir: "asc" }));
    const totals = bodyRows(ws).map((r) => Number(r.getCell(8).value));
    expect(totals).toEqual([...totals].sort((x, y) => x - y));
    expect(totals).toHaveLength(4);
    expect(String(ws.getCell("A2").value)).toMatch(/数据为2024年11月第1次发布/);
  });

  it("the issue ledger follows the page's filters", async () => {
    const all = await issueExport(t.prisma, a.leader, { year: "all" });
    expect(all.ok && all.total).toBeGreaterThan(0);
    const funding = await exportedSheet(await issueExport(t.prisma, a.leader, { year: "all", category: "FUNDING" }));
    const categories = new Set(bodyRows(funding).map((r) => r.getCell(3).value));
    expect([...categories]).toEqual(["资金问题"]);
  });

  it("the audit log: the same rows as the page's filters count", async () => {
    const result = await auditExport(t.prisma, a.admin, {});
    const ws = await exportedSheet(result);
    expect(bodyRows(ws)).toHaveLength(0); // its first column is a time, not a number
    let rows = 0;
    ws.eachRow((_r, n) => {
      if (n > 3) rows++;
    });
    expect(rows).toBe(await countAudit(t.prisma, parseAuditFilters({})));
  });
});
