// The published arithmetic over two years, as a leader or the office checks it: 本年累计 counted
// from last December, the by-industry 年度投资完成率 like for like, a published month that cannot be
// published again without being re-opened, the live 调度表 of an open month (a project that has
// not reported shows no 本月 and adds none to 小计/合计), the 通报's 未开工 table in 亿元, and a red
// project that stops reporting staying red across the new year (三色预警: 未报 never helps).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type ExcelJS from "exceljs";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { buildTwoYears, type TwoYears } from "../helpers/two-years";
import { colOf, loadWorkbook, rowOf } from "../helpers/xlsx";
import { docxParagraphs } from "../helpers/docx-text";
import { publishPeriod } from "@/server/periods/service";
import { getPublication, getReadPublication } from "@/server/periods/queries";
import { getPublicationTotals, listFigures, type FigureRow } from "@/server/figures/queries";
import { getIndustryCompletion } from "@/server/figures/overview";
import { scheduleExport, type ExportResult } from "@/server/excel/exports";
import { xlsxBuffer } from "@/server/excel/workbook";
import { H } from "@/server/excel/schedule";
import { loadBulletin, writeBulletin } from "@/server/documents/bulletin";
import { documentToDocx } from "@/server/documents/docx";
import { StateError } from "@/server/errors";
import { leftBehindConfirmation } from "../helpers/publication";

describe("the published arithmetic, over two years", () => {
  let t: TestDatabase;
  let f: TwoYears;
  const published: Record<string, number> = {};

  const publish = async (month: string, today: string) => {
    const { version } = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month } });
    await publishPeriod(t.prisma, f.admin, { month, version, leftBehind: await leftBehindConfirmation(t.prisma, month) }, today);
    published[month] = (await getReadPublication(t.prisma, Number(month.slice(0, 4)), month))!.publicationId;
  };
  const figures = async (month: string) => {
    const { rows } = await listFigures(t.prisma, { publicationId: published[month], page: 1, size: 50 });
    return Object.fromEntries(rows.map((r) => [r.code, r])) as Record<string, FigureRow>;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    f = await buildTwoYears(t.prisma);
    for (const [month, today] of [
      ["2024-11", "2024-12-08"],
      ["2024-12", "2025-01-08"],
      ["2025-01", "2025-02-08"],
      ["2025-02", "2025-03-08"],
    ]) {
      await publish(month, today);
    }
  });
  afterAll(async () => t?.drop());

  it("本年累计 runs from last December: February 2025 counts January and February, not February alone", async () => {
    const feb = await figures("2025-02");
    // 38000 开工至今, 30000 至2024年底: 5000 in January + 3000 in February
    expect(feb["TY-A1"]).toMatchObject({ cumulative: "38000", yearInvestment: "8000", annualPlanned: "40000" });
    expect(feb["TY-B1"].yearInvestment).toBe("10000");
    expect(feb["TY-A2"].yearInvestment).toBe("7000");
    const sums = await getPublicationTotals(t.prisma, { publicationId: published["2025-02"], month: "2025-02" });
    expect(sums.yearInvestment).toBe("25000");
    // and December 2024 from December 2023
    expect((await figures("2024-12"))["TY-A1"].yearInvestment).toBe("20000");
  });

  it("the by-industry 年度投资完成率 counts only the projects with an annual plan figure", async () => {
    const { rows } = await getIndustryCompletion(t.prisma, published["2025-02"], 10);
    const byIndustry = Object.fromEntries(rows.map((r) => [r.label, r]));
    // 装备制造: TY-B1 10000 of its 30000 plan; TY-A2 (7000, no plan figure) is in neither side
    expect(byIndustry["装备制造"]).toMatchObject({ annualPlanned: "30000", yearInvestmentOfPlanned: "10000", yearInvestment: "17000", projectsWithAnnualPlan: 1 });
    expect(byIndustry["装备制造"].rate!.toFixed(2)).toBe("33.33");
    // 新材料: TY-A1 8000 of 40000, TY-S 0 of 30000, TY-B2 0 of 5000
    expect(byIndustry["新材料"].rate!.toFixed(2)).toBe("10.67");
  });

  it("a published month cannot be published again without being re-opened; its figures stay as published", async () => {
    const before = await figures("2025-02");
    const { version } = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2025-02" } });
    await expect(publishPeriod(t.prisma, f.admin, { month: "2025-02", version }, "2025-03-09")).rejects.toBeInstanceOf(StateError);
    await expect(publishPeriod(t.prisma, f.admin, { month: "2025-02", version }, "2025-03-09")).rejects.toThrow("已发布");
    expect(await t.prisma.periodPublication.count({ where: { period: { month: "2025-02" } } })).toBe(1);
    expect(await getPublication(t.prisma, "2025-02", 2)).toBeNull();
    expect(await figures("2025-02")).toEqual(before);
  });

  describe("the live 调度表 of the open month (2025-03, not published)", () => {
    let ws: ExcelJS.Worksheet;
    beforeAll(async () => {
      const result: ExportResult = await scheduleExport(t.prisma, f.admin, "2025-03", {}, new Date("2025-04-02T02:00:00Z"));
      if (!result.ok) throw new Error(result.message);
      ws = (await loadWorkbook(await xlsxBuffer(result.build))).worksheets[0];
    });
    const labelRow = (label: string) => [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(3).value === label)!;

    it("a project that has not reported March shows no 本月, only its carried 累计", () => {
      expect(String(ws.getCell("A1").value)).toContain("（未发布）");
      expect(rowOf(ws, "TY-A1").getCell(colOf(ws, H.month)).value).toBe(2000);
      expect(rowOf(ws, "TY-B1").getCell(colOf(ws, H.month)).value).toBe(3000);
      // TY-A2 reported 4000 in February and nothing in March; TY-S last reported in November 2024
      for (const code of ["TY-A2", "TY-S", "TY-B2"]) expect(rowOf(ws, code).getCell(colOf(ws, H.month)).value ?? null, code).toBeNull();
      expect(rowOf(ws, "TY-A2").getCell(colOf(ws, H.cumulative)).value).toBe(22000);
    });

    it("and adds nothing to its park's 小计 or the 合计", () => {
      expect(labelRow("甲县园区 小计").getCell(colOf(ws, H.month)).value).toBe(2000);
      expect(labelRow("乙县园区 小计").getCell(colOf(ws, H.month)).value).toBe(3000);
      expect(labelRow("合计").getCell(colOf(ws, H.month)).value).toBe(5000);
    });
  });

  it("the 通报's 未开工 table gives 总投资 in 亿元, as its header says", async () => {
    const paragraphs = await docxParagraphs(await documentToDocx(writeBulletin((await loadBulletin(t.prisma, "2025-02"))!)));
    const at = paragraphs.indexOf("乙县新材料二期");
    expect(at).toBeGreaterThan(paragraphs.indexOf("总投资（亿元）"));
    expect(paragraphs.indexOf("总投资（亿元）")).toBeGreaterThan(paragraphs.findIndex((p) => p.includes("未开工项目")));
    // 35000万元 = 3.5亿元
    expect(paragraphs[at + 1]).toBe("3.5");
  });

  it("a red project that stops reporting stays red across the new year; its reasons cite November and count the silent months", async () => {
    const expected: Record<string, string[]> = {
      "2024-11": ["2024年11月累计完成投资落后月度计划 25.0 个百分点"],
      "2024-12": [
        "累计完成投资落后2024年12月月度计划 30.0 个百分点（2024年12月未报，按2024年11月累计数计，不计未报月份进度）",
        "2024年11月落后月度计划 25.0 个百分点（红色预警），此后未报，预警未解除",
        "2024年12月未报",
      ],
      "2025-01": [
        "累计完成投资落后2025年1月月度计划 35.0 个百分点（2025年1月未报，按2024年11月累计数计，不计未报月份进度）",
        "2024年11月落后月度计划 25.0 个百分点（红色预警），此后未报，预警未解除",
        "连续2个月未报（2024年12月、2025年1月）",
      ],
      "2025-02": [
        "累计完成投资落后2025年2月月度计划 40.0 个百分点（2025年2月未报，按2024年11月累计数计，不计未报月份进度）",
        "2024年11月落后月度计划 25.0 个百分点（红色预警），此后未报，预警未解除",
        "连续3个月未报（2024年12月、2025年1月、2月）",
      ],
    };
    // the list's other projects are on time and entered: TY-S is the only red one
    let red = 0;
    for (const month of Object.keys(expected)) {
      const s = (await figures(month))["TY-S"];
      expect([month, s.warningLevel, s.missing, s.warningReasons]).toEqual([month, "RED", month !== "2024-11", expected[month]]);
      const count = (await getPublicationTotals(t.prisma, { publicationId: published[month], month })).red;
      expect(count, month).toBeGreaterThanOrEqual(red);
      expect(count, month).toBe(1);
      red = count;
    }
    // never reported and not started before its deadline: not red for silence
    const b2 = (await figures("2025-02"))["TY-B2"];
    expect([b2.warningLevel, b2.warningReasons]).toEqual(["GREEN", ["尚无2025年2月月报（数据未更新）"]]);
  });
});
