import { describe, expect, it } from "vitest";
import { monthsBefore, qualityFlags, type QualityInput } from "@/domain/data-quality";
import { qualityConfig } from "@/domain/quality-config";
import { Decimal } from "@/lib/money";

// read inside each test, never while the file loads or in a hook: a broken reader then fails the
// tests themselves (Stryker's runner counts a file or hook that fails as a survivor)
const defaults = () => qualityConfig({});

/** A plain, unremarkable month of a 在建 project with 总投资 10,000万元: no flag. */
function input(overrides: Partial<QualityInput> = {}): QualityInput {
  return {
    month: "2025-06",
    projectStatus: "UNDER_CONSTRUCTION",
    totalInvestment: "10000",
    monthInvestment: "300",
    cumulative: "5000",
    stage: null,
    progressText: "主体结构施工至三层",
    earlier: { "2025-05": "300", "2025-04": "300", "2025-03": "300" },
    previous: { month: "2025-05", progressText: "主体结构施工至二层" },
    photoReuses: [],
    statsCumulative: null,
    fundsInPlace: null,
    ...overrides,
  };
}
const kinds = (i: QualityInput, c = defaults()) => qualityFlags(i, c).map((f) => f.kind);
const flag = (i: QualityInput, kind: string) => qualityFlags(i, defaults()).find((f) => f.kind === kind);

describe("数据质量 checks", () => {
  it("an ordinary month raises nothing", () => {
    expect(kinds(input())).toEqual([]);
  });

  describe("(a) 突增: 本月 more than 3× the trailing three-month average AND more than 10% of 总投资", () => {
    // trailing average 300 → 3× = 900; 10% of 10,000 = 1,000: the binding bound is 1,000
    it("just over both bounds flags, with the average, the months and the share", () => {
      const f = flag(input({ monthInvestment: "1000.01" }), "JUMP");
      expect(f?.message).toBe("本月完成投资 1,000.01万元，是前三个月平均 300万元（3月300万元、4月300万元、5月300万元）的 3.3 倍，占总投资 10.0%");
      expect(f?.evidence).toMatchObject({ trailingAverage: "300", trailingMonths: ["2025-03", "2025-04", "2025-05"] });
    });
    it("exactly 10% of 总投资 does not flag (more than)", () => {
      expect(kinds(input({ monthInvestment: "1000" }))).not.toContain("JUMP");
    });
    it("over 10% but not more than 3× the average does not flag", () => {
      const earlier = { "2025-05": "1000", "2025-04": "1000", "2025-03": "1000" };
      expect(kinds(input({ monthInvestment: "3000", earlier }))).not.toContain("JUMP");
      expect(kinds(input({ monthInvestment: "3000.01", earlier }))).toContain("JUMP");
    });
    it("a month without a figure counts as 0 in the average", () => {
      expect(kinds(input({ monthInvestment: "1200", earlier: { "2025-05": "1200" } }))).not.toContain("JUMP");
      const f = flag(input({ monthInvestment: "1200.01", earlier: { "2025-05": "1200" } }), "JUMP");
      expect(f?.message).toBe("本月完成投资 1,200.01万元，是前三个月平均 400万元（3月无数、4月无数、5月1,200万元）的 3.0 倍，占总投资 12.0%");
      expect(kinds(input({ monthInvestment: "1200.01", earlier: { "2025-05": "1200", "2025-04": "0.01" } }))).not.toContain("JUMP");
    });
    it("no earlier figures: any month over 10% flags; a month given as cumulative alone is not judged", () => {
      expect(flag(input({ monthInvestment: "1500", earlier: {} }), "JUMP")?.message).toBe("本月完成投资 1,500万元，前三个月均无投资，占总投资 15.0%");
      expect(kinds(input({ monthInvestment: null, earlier: {} }))).not.toContain("JUMP");
    });
    it("thresholds come from the configuration", () => {
      const c = qualityConfig({ QUALITY_JUMP_MULTIPLE: "5", QUALITY_JUMP_SHARE_PERCENT: "5" });
      expect(kinds(input({ monthInvestment: "1500" }), c)).toEqual([]);
      expect(kinds(input({ monthInvestment: "1500.01" }), c)).toEqual(["JUMP"]);
    });
  });

  describe("(b) 开累 beyond 总投资", () => {
    it("equal to 总投资 is fine, a fen over flags", () => {
      expect(kinds(input({ cumulative: "10000", monthInvestment: "300" }))).toEqual([]);
      expect(flag(input({ cumulative: "10000.01" }), "OVER_TOTAL")?.message).toBe("累计完成投资 10,000.01万元 超过总投资 10,000万元（为总投资的 100.0%）");
    });
  });

  describe("(c) 开累 ÷ 总投资 outside the stage's expected range (主体施工 10%–75% by default)", () => {
    it("both ends of the range are inside", () => {
      expect(kinds(input({ stage: "STRUCTURE", cumulative: "1000" }))).toEqual([]);
      expect(kinds(input({ stage: "STRUCTURE", cumulative: "7500" }))).toEqual([]);
    });
    it("just above flags as 高于, just below as 低于", () => {
      expect(flag(input({ stage: "STRUCTURE", cumulative: "7500.01" }), "AHEAD_OF_STAGE")?.message).toBe(
        "形象进度为「主体施工」，累计完成投资占总投资 75.0%，高于该阶段通常的 10%–75%",
      );
      expect(flag(input({ stage: "STRUCTURE", cumulative: "999.99" }), "AHEAD_OF_STAGE")?.message).toBe(
        "形象进度为「主体施工」，累计完成投资占总投资 10.0%，低于该阶段通常的 10%–75%",
      );
    });
    it("前期 with half the money spent is racing ahead; no stage given, no check", () => {
      expect(kinds(input({ stage: "PRELIMINARY" }))).toEqual(["AHEAD_OF_STAGE"]);
      expect(kinds(input({ stage: null, cumulative: "9999" }))).toEqual([]);
    });
    it("ranges come from the configuration", () => {
      const c = qualityConfig({ QUALITY_STAGE_RANGE_PRELIMINARY: "0-50" });
      expect(kinds(input({ stage: "PRELIMINARY" }), c)).toEqual([]);
      expect(kinds(input({ stage: "PRELIMINARY", cumulative: "5000.01" }), c)).toEqual(["AHEAD_OF_STAGE"]);
    });
  });

  describe("(d) a photo already used for another month or another project", () => {
    it("names where it was used before", () => {
      const f = flag(
        input({
          photoReuses: [
            { projectName: "金石资源", month: "2025-04", sameProject: false },
            { projectName: "本", month: "2025-05", sameProject: true },
          ],
        }),
        "PHOTO_REUSED",
      );
      expect(f?.message).toBe("形象进度照片与「金石资源」2025年4月、本项目2025年5月的报表照片相同");
    });
    it("more than three uses are counted, not listed", () => {
      const reuses = ["2025-01", "2025-02", "2025-03", "2025-04"].map((month) => ({ projectName: "甲", month, sameProject: false }));
      expect(flag(input({ photoReuses: reuses }), "PHOTO_REUSED")?.message).toBe("形象进度照片与「甲」2025年1月、「甲」2025年2月、「甲」2025年3月等4份报表的报表照片相同");
    });
  });

  describe("(e) 形象进度 text identical to the previous month's while 本月 > 0", () => {
    it("identical text with money spent flags (spaces ignored)", () => {
      expect(flag(input({ progressText: "主体结构施工至 二层" }), "TEXT_UNCHANGED")?.message).toBe("形象进度与2025年5月填报的完全相同，但本月完成投资 300万元");
    });
    it("one character different, or 本月 zero, or no earlier figure: no flag", () => {
      expect(kinds(input({ progressText: "主体结构施工至二层。" }))).toEqual([]);
      expect(kinds(input({ progressText: "主体结构施工至二层", monthInvestment: "0.01", earlier: {} }))).toEqual(["TEXT_UNCHANGED"]);
      expect(kinds(input({ progressText: "主体结构施工至二层", monthInvestment: "0" }))).toEqual([]);
      expect(kinds(input({ progressText: "主体结构施工至二层", previous: null }))).toEqual([]);
    });
  });

  describe("(f) 在建 with 本月 zero for three months", () => {
    const zeros = { "2025-05": "0", "2025-04": "0", "2025-03": "300" };
    it("the third zero month flags; the second does not", () => {
      expect(flag(input({ monthInvestment: "0", earlier: zeros }), "ZERO_STREAK")?.message).toBe("在建项目连续3个月（2025年4月至2025年6月）本月完成投资均为0");
      expect(kinds(input({ monthInvestment: "0", earlier: { ...zeros, "2025-04": "0.01" } }))).toEqual([]);
    });
    it("a month without a figure breaks the streak (it is 未报, not zero); not 在建, no flag", () => {
      expect(kinds(input({ monthInvestment: "0", earlier: { "2025-05": "0" } }))).toEqual([]);
      expect(kinds(input({ monthInvestment: "0", earlier: zeros, projectStatus: "IN_PRODUCTION" }))).toEqual([]);
      expect(kinds(input({ monthInvestment: "0", earlier: zeros, projectStatus: "NOT_STARTED" }))).toEqual([]);
    });
    it("the number of months comes from the configuration", () => {
      const c = qualityConfig({ QUALITY_ZERO_MONTHS: "4" });
      expect(kinds(input({ monthInvestment: "0", earlier: zeros }), c)).toEqual([]);
      expect(kinds(input({ monthInvestment: "0", earlier: { ...zeros, "2025-03": "0" } }), c)).toEqual(["ZERO_STREAK"]);
      expect(monthsBefore("2025-06", c)).toEqual(["2025-05", "2025-04", "2025-03"]);
      expect(monthsBefore("2025-02", qualityConfig({ QUALITY_ZERO_MONTHS: "5" }))).toEqual(["2025-01", "2024-12", "2024-11", "2024-10"]);
    });
  });

  describe("(g) 调度数 and 入统数 more than 20% apart", () => {
    it("20% of 入统数 apart is fine either way, a fen more flags", () => {
      expect(kinds(input({ cumulative: "6000", statsCumulative: "5000" }))).toEqual([]);
      expect(kinds(input({ cumulative: "4000", statsCumulative: "5000" }))).toEqual([]);
      expect(flag(input({ cumulative: "6000.01", statsCumulative: "5000" }), "STATS_APART")?.message).toBe(
        "调度数（累计 6,000.01万元）与入统数（5,000万元）相差 1,000.01万元，为入统数的 20.0%",
      );
      expect(kinds(input({ cumulative: "3999.99", statsCumulative: "5000" }))).toEqual(["STATS_APART"]);
    });
    it("no 入统数, no check; 入统数 zero flags any 调度数", () => {
      expect(kinds(input({ statsCumulative: null }))).toEqual([]);
      expect(flag(input({ statsCumulative: "0" }), "STATS_APART")?.message).toBe("调度数（累计 5,000万元）与入统数（0万元）相差 5,000万元，入统数为0");
      expect(kinds(input({ cumulative: "0", monthInvestment: "0", statsCumulative: "0", projectStatus: "NOT_STARTED" }))).toEqual([]);
    });
  });

  describe("(h) 开累 beyond the money in place by more than 20% of it (investment without the money to pay for it)", () => {
    // 开累 5,000; money in place 4,000.01 → 20% over is 4,800.01: not flagged; 4,166.66 → 4,999.99: flagged
    it("20% over the money in place is fine, a fen more flags, with the amounts and the share", () => {
      expect(kinds(input({ cumulative: "4800", fundsInPlace: "4000" }))).toEqual([]);
      expect(kinds(input({ cumulative: "4800.01", fundsInPlace: "4000" }))).toEqual(["FUNDS_SHORT"]);
      expect(flag(input({ cumulative: "4800.01", fundsInPlace: "4000" }), "FUNDS_SHORT")?.message).toBe(
        "累计完成投资 4,800.01万元 超过累计到位资金 4,000万元，多出 800.01万元，为到位资金的 20.0%",
      );
      expect(kinds(input({ cumulative: "3000", fundsInPlace: "4000" }))).toEqual([]);
    });
    it("no money in place stated, no check; money in place 0 flags any investment", () => {
      expect(kinds(input({ fundsInPlace: null }))).toEqual([]);
      expect(flag(input({ fundsInPlace: "0" }), "FUNDS_SHORT")?.message).toBe("累计完成投资 5,000万元 超过累计到位资金 0万元，多出 5,000万元（到位资金为0）");
      expect(kinds(input({ cumulative: "0", monthInvestment: "0", fundsInPlace: "0", projectStatus: "NOT_STARTED" }))).toEqual([]);
    });
    it("the share is configurable (QUALITY_FUNDS_SHORT_PERCENT)", () => {
      const c = qualityConfig({ QUALITY_FUNDS_SHORT_PERCENT: "50" });
      expect(c.fundsShortPercent.toString()).toBe("50");
      expect(kinds(input({ cumulative: "6000", fundsInPlace: "4000" }), c)).toEqual([]);
      expect(kinds(input({ cumulative: "6000.01", fundsInPlace: "4000" }), c)).toEqual(["FUNDS_SHORT"]);
      expect(qualityConfig({}).fundsShortPercent.toString()).toBe("20");
      expect(() => qualityConfig({ QUALITY_FUNDS_SHORT_PERCENT: "-5" })).toThrow("QUALITY_FUNDS_SHORT_PERCENT 必须是非负数（百分比），而不是「-5」");
    });
  });

  it("several checks flag together, in order", () => {
    expect(kinds(input({ monthInvestment: "6000", cumulative: "11000", stage: "FOUNDATION", statsCumulative: "5000" }))).toEqual([
      "JUMP",
      "OVER_TOTAL",
      "AHEAD_OF_STAGE",
      "STATS_APART",
    ]);
  });
});

describe("数据质量 thresholds from the environment", () => {
  it("defaults", () => {
    const c = qualityConfig({});
    expect([c.jumpMultiple.toString(), c.jumpSharePercent.toString(), c.zeroMonths, c.statsApartPercent.toString()]).toEqual(["3", "10", 3, "20"]);
    expect(Object.fromEntries(Object.entries(c.stageRanges).map(([k, r]) => [k, `${r.min}-${r.max}`]))).toEqual({
      PRELIMINARY: "0-10",
      FOUNDATION: "0-40",
      STRUCTURE: "10-75",
      STRUCTURE_DONE: "40-90",
      EQUIPMENT: "50-100",
      COMMISSIONING: "70-100",
      PRODUCTION: "80-100",
    });
  });
  it("refuses what is not a number or a range, naming the variable", () => {
    expect(() => qualityConfig({ QUALITY_JUMP_MULTIPLE: "three" })).toThrow("QUALITY_JUMP_MULTIPLE 必须是非负数（倍），而不是「three」");
    expect(() => qualityConfig({ QUALITY_STATS_APART_PERCENT: "-1" })).toThrow("QUALITY_STATS_APART_PERCENT 必须是非负数（百分比），而不是「-1」");
    expect(() => qualityConfig({ QUALITY_ZERO_MONTHS: "1" })).toThrow("QUALITY_ZERO_MONTHS 必须是 2 到 24 之间的整数（月），而不是「1」");
    expect(() => qualityConfig({ QUALITY_ZERO_MONTHS: "25" })).toThrow("QUALITY_ZERO_MONTHS 必须是 2 到 24 之间的整数（月），而不是「25」");
    expect(qualityConfig({ QUALITY_ZERO_MONTHS: " 24 " }).zeroMonths).toBe(24);
    expect(qualityConfig({ QUALITY_ZERO_MONTHS: "2" }).zeroMonths).toBe(2);
    expect(() => qualityConfig({ QUALITY_STAGE_RANGE_STRUCTURE: "75" })).toThrow("QUALITY_STAGE_RANGE_STRUCTURE 必须写成「最小-最大」（百分比，如 10-75），而不是「75」");
    expect(() => qualityConfig({ QUALITY_STAGE_RANGE_STRUCTURE: "80-70" })).toThrow("QUALITY_STAGE_RANGE_STRUCTURE 的最小值不能大于最大值（「80-70」）");
    expect(qualityConfig({ QUALITY_STAGE_RANGE_STRUCTURE: " 70 - 70 " }).stageRanges.STRUCTURE.min.toString()).toBe("70");
  });
});

describe("数据质量 settings: what each reads and what it refuses", () => {
  const jump = (v: string | undefined) => qualityConfig({ QUALITY_JUMP_MULTIPLE: v }).jumpMultiple.toString();
  const range = (v: string | undefined) => {
    const r = qualityConfig({ QUALITY_STAGE_RANGE_STRUCTURE: v }).stageRanges.STRUCTURE;
    return `${r.min}-${r.max}`;
  };
  it.each([
    [undefined, "3"],
    ["", "3"],
    ["   ", "3"],
    [" 4 ", "4"],
    ["12", "12"],
    ["2.55", "2.55"],
    ["0", "0"],
  ])("a multiple of [%s] reads as %s", (v, expected) => {
    expect(jump(v)).toBe(expected);
  });
  it.each(["3x", "x3", "1.", ".5", "1.2.3", "-1", "1e3", "2.5x", "2.x5"])("a multiple of [%s] is refused, quoted as given", (v) => {
    expect(() => jump(v)).toThrow(`QUALITY_JUMP_MULTIPLE 必须是非负数（倍），而不是「${v}」`);
  });
  it.each([
    [undefined, "10-75"],
    ["  ", "10-75"],
    ["5-60", "5-60"],
    [" 5 - 60 ", "5-60"],
    ["12.5-80.25", "12.5-80.25"],
    ["12.55-80", "12.55-80"],
    ["100-100", "100-100"],
  ])("a range of [%s] reads as %s", (v, expected) => {
    expect(range(v)).toBe(expected);
  });
  it.each(["a10-75", "10-75x", "10 -", "-75", "1..5-6", "10.-20", "10-20.", "x-20", "10-x", "10--20", "1.5.5-20"])("a range of [%s] is refused, quoted as given", (v) => {
    expect(() => range(v)).toThrow(`QUALITY_STAGE_RANGE_STRUCTURE 必须写成「最小-最大」（百分比，如 10-75），而不是「${v}」`);
  });
  it.each(["2x", "x2", "3.0", "-3", "03a"])("a zero streak of [%s] months is refused", (v) => {
    expect(() => qualityConfig({ QUALITY_ZERO_MONTHS: v })).toThrow(`QUALITY_ZERO_MONTHS 必须是 2 到 24 之间的整数（月），而不是「${v}」`);
  });
  it("blank zero-streak months fall back to 3", () => {
    expect(qualityConfig({ QUALITY_ZERO_MONTHS: "  " }).zeroMonths).toBe(3);
    expect(qualityConfig({ QUALITY_ZERO_MONTHS: undefined }).zeroMonths).toBe(3);
  });
  it("the share and the statistics gap name their own variables and units", () => {
    expect(() => qualityConfig({ QUALITY_JUMP_SHARE_PERCENT: "ten" })).toThrow("QUALITY_JUMP_SHARE_PERCENT 必须是非负数（百分比），而不是「ten」");
    expect(() => qualityConfig({ QUALITY_STATS_APART_PERCENT: "二十" })).toThrow("QUALITY_STATS_APART_PERCENT 必须是非负数（百分比），而不是「二十」");
    expect(qualityConfig({ QUALITY_JUMP_SHARE_PERCENT: "12.5", QUALITY_STATS_APART_PERCENT: "30" })).toMatchObject({
      jumpSharePercent: new Decimal("12.5"),
      statsApartPercent: new Decimal("30"),
    });
  });
});

describe("数据质量 evidence: the figures behind each flag, as stored", () => {
  it("each kind keeps its figures", () => {
    const evidence = (i: QualityInput) => Object.fromEntries(qualityFlags(i, defaults()).map((f) => [f.kind, f.evidence]));
    expect(evidence(input({ monthInvestment: "6000", cumulative: "11000", stage: "FOUNDATION", statsCumulative: "5000" }))).toEqual({
      JUMP: { monthInvestment: "6000", trailingAverage: "300", trailingMonths: ["2025-03", "2025-04", "2025-05"], sharePercent: "60.0" },
      OVER_TOTAL: { cumulative: "11000", totalInvestment: "10000" },
      AHEAD_OF_STAGE: { stage: "FOUNDATION", sharePercent: "110.0", min: "0", max: "40" },
      STATS_APART: { cumulative: "11000", statsCumulative: "5000", gap: "6000" },
    });
    expect(
      evidence(
        input({
          photoReuses: [
            { projectName: "甲", month: "2025-04", sameProject: false },
            { projectName: "乙", month: "2025-05", sameProject: true },
          ],
          progressText: "主体结构施工至二层",
        }),
      ),
    ).toEqual({
      PHOTO_REUSED: { reports: ["甲 2025-04", "本项目 2025-05"] },
      TEXT_UNCHANGED: { previousMonth: "2025-05", monthInvestment: "300" },
    });
    expect(evidence(input({ monthInvestment: "0", earlier: { "2025-05": "0", "2025-04": "0" } }))).toEqual({ ZERO_STREAK: { from: "2025-04", to: "2025-06", months: 3 } });
  });
  it("exactly three reused reports are all named, without 等", () => {
    const reuses = ["2025-01", "2025-02", "2025-03"].map((month) => ({ projectName: "甲", month, sameProject: false }));
    expect(flag(input({ photoReuses: reuses }), "PHOTO_REUSED")?.message).toBe("形象进度照片与「甲」2025年1月、「甲」2025年2月、「甲」2025年3月的报表照片相同");
  });
  it("a month given as cumulative alone (本月 unknown) reads 无数 in the average and breaks a zero streak", () => {
    expect(flag(input({ monthInvestment: "1500", earlier: { "2025-05": null, "2025-04": "300", "2025-03": "300" } }), "JUMP")?.message).toBe(
      "本月完成投资 1,500万元，是前三个月平均 200万元（3月300万元、4月300万元、5月无数）的 7.5 倍，占总投资 15.0%",
    );
    expect(kinds(input({ monthInvestment: "0", earlier: { "2025-05": "0", "2025-04": null } }))).toEqual([]);
  });
  it("spaces in the previous text are ignored too; an empty text is never 'unchanged'", () => {
    expect(kinds(input({ progressText: "主体结构施工至二层", previous: { month: "2025-05", progressText: " 主体结构 施工至二层 " } }))).toEqual(["TEXT_UNCHANGED"]);
    expect(kinds(input({ progressText: "", previous: { month: "2025-05", progressText: "" } }))).toEqual([]);
    expect(kinds(input({ progressText: "  ", previous: { month: "2025-05", progressText: "" } }))).toEqual([]);
  });
  it("a project with 总投资 0 over its total says so", () => {
    expect(flag(input({ totalInvestment: "0", cumulative: "10", monthInvestment: "0", earlier: {} }), "OVER_TOTAL")?.message).toBe(
      "累计完成投资 10万元 超过总投资 0万元（总投资为0）",
    );
  });
});
