// The documents' figure wording, pinned with every figure the seed report states (its own text
// in seed-report/000_*.txt, read from the stored 万元 values as the database holds them).
import { describe, expect, it } from "vitest";
import { parseAmountToWan } from "@/lib/money";
import { chineseNumber, fillPlaceholders, reportAmount, reportCount, reportMetric, reportMonth, scheduleGapText, unknownPlaceholders } from "@/domain/report-wording";

/** as stored: the seed files' amounts converted to 万元, then printed as Prisma returns them (2 decimals) */
const stored = (text: string) => parseAmountToWan(text).toFixed(2);

describe("reportAmount", () => {
  it("writes every amount of the seed report exactly as the report does", () => {
    for (const text of ["133.6亿元", "33.6亿元", "33亿元", "15亿元", "53.8亿元", "17亿元", "30亿元", "5.6亿元", "4.7亿元", "50亿元", "150亿元"]) {
      expect(reportAmount(stored(text)), text).toBe(text);
    }
    // tax: the report switches units — 5000万元 but 1亿元
    expect(reportAmount(stored("5000万元"), { atLeast: true })).toBe("5000万元以上");
    expect(reportAmount(stored("1亿元"), { atLeast: true })).toBe("1亿元以上");
    expect(reportAmount(stored("150亿元"), { atLeast: true })).toBe("150亿元以上");
  });

  it("switches to 亿元 exactly at 1亿元 and keeps every stored digit, without grouping", () => {
    expect(reportAmount("9999.99")).toBe("9999.99万元");
    expect(reportAmount("10000")).toBe("1亿元");
    expect(reportAmount("10000.01")).toBe("1.000001亿元");
    expect(reportAmount("12345678.9")).toBe("1234.56789亿元");
    expect(reportAmount("0")).toBe("0万元");
    expect(reportAmount("0.5")).toBe("0.5万元");
    expect(reportAmount("123450000")).toBe("12345亿元");
  });
});

describe("counts, metrics and months", () => {
  it("writes jobs, named metrics and start months as the seed report does", () => {
    expect(reportCount(150, "人", { atLeast: true })).toBe("150人以上");
    expect(reportCount(200, "人")).toBe("200人");
    expect(reportMetric({ name: "年供热量", value: "41.0000", unit: "万吨标煤", qualifier: "约" })).toBe("年供热量约41万吨标煤");
    expect(reportMetric({ name: "年供热量", value: "41", unit: "万吨标煤", qualifier: " 约 " })).toBe("年供热量约41万吨标煤");
    expect(reportMetric({ name: "年产值", value: "2.50", unit: "亿元", qualifier: " 以上" })).toBe("年产值2.5亿元以上");
    expect(reportMetric({ name: "年产值", value: "2.50", unit: "亿元", qualifier: null })).toBe("年产值2.5亿元");
    expect(reportMetric({ name: "年供电量", value: "13.0000", unit: "亿千瓦时", qualifier: "约" })).toBe("年供电量约13亿千瓦时");
    expect(reportMetric({ name: "年产能", value: "2.5000", unit: "万吨", qualifier: "以上" })).toBe("年产能2.5万吨以上");
    expect(reportMetric({ name: "年产能", value: "3", unit: "万吨", qualifier: null })).toBe("年产能3万吨");
    expect(reportMonth("2024-09")).toBe("2024年9月");
    expect(reportMonth("2024-11")).toBe("2024年11月");
  });

  it("numbers paragraphs in Chinese: 一 … 十, 十一, 二十, 九十九", () => {
    expect([1, 2, 3, 9, 10, 11, 19, 20, 21, 99].map(chineseNumber)).toEqual(["一", "二", "三", "九", "十", "十一", "十九", "二十", "二十一", "九十九"]);
    expect(chineseNumber(100)).toBe("100");
    expect([4, 5, 6, 7, 8, 45, 67, 80].map(chineseNumber)).toEqual(["四", "五", "六", "七", "八", "四十五", "六十七", "八十"]);
    expect(chineseNumber(0)).toBe("0");
  });

  it("writes the gap to 序时进度 in 个百分点 without spaces", () => {
    expect(scheduleGapText({ kind: "ahead", points: "34.2" })).toBe("超序时进度34.2个百分点");
    expect(scheduleGapText({ kind: "behind", points: "5.0" })).toBe("低于序时进度5.0个百分点");
    expect(scheduleGapText({ kind: "even", points: "0.0" })).toBe("与序时进度持平");
  });
});

describe("placeholders in the stored report text", () => {
  const values = { 年度: "2024", 项目个数: "50", 总投资: "133.6亿元", 年度计划投资: "33.6亿元", 目标: "四月底前全部开工，六月底前大部分投产", 要素保障: "土地、资金" };
  it("fills the known ones and leaves unknown ones as written", () => {
    expect(fillPlaceholders("实施{年度}年重大项目{项目个数}个，总投资{总投资}，年度计划投资{年度计划投资}。", values)).toBe(
      "实施2024年重大项目50个，总投资133.6亿元，年度计划投资33.6亿元。",
    );
    expect(fillPlaceholders("按照“{目标}”，解决好{要素保障}等{未知}", values)).toBe("按照“四月底前全部开工，六月底前大部分投产”，解决好土地、资金等{未知}");
  });
  it("names the unknown ones once each", () => {
    expect(unknownPlaceholders("{年度}{未知}{未知}{总投资额}")).toEqual(["未知", "总投资额"]);
    expect(unknownPlaceholders("没有占位符")).toEqual([]);
  });
});
