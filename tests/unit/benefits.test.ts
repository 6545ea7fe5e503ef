// 达产率 against a promise with its qualifier (以上 / 约 / plain) at the boundaries, the sentence
// the documents print, the 达产 state and the two benefit warnings (src/domain/benefits.ts).
import { describe, expect, it } from "vitest";
import { dec } from "@/lib/money";
import {
  benefitWarnings,
  compareWithPromise,
  deliveredSentence,
  figureText,
  formatBenefitRate,
  fullProductionState,
  leadingPromise,
  promisedFigures,
  secondFullYear,
  type PromisedFigure,
} from "@/domain/benefits";
import { benefitConfig, DEFAULT_BENEFIT_CONFIG } from "@/domain/benefit-config";

const config = benefitConfig({});

describe("达产率: actual ÷ promised, the promise's qualifier kept", () => {
  it("以上: 已达到承诺 only when the figure reaches its number — 5000万元以上 is not reached by 4999.99", () => {
    expect(compareWithPromise("5000", "5000", "以上", config)).toMatchObject({ state: "REACHED" });
    expect(compareWithPromise("4999.99", "5000", "以上", config).state).toBe("SHORT");
    expect(compareWithPromise("6000", "5000", "以上", config).rate!.toFixed(0)).toBe("120");
  });
  it("a plain figure: reached at its number, not a cent below", () => {
    expect(compareWithPromise("500000", "500000", null, config).state).toBe("REACHED");
    expect(compareWithPromise("499999.99", "500000", null, config).state).toBe("SHORT");
  });
  it("约: at its number 已达到; short by at most 5% 基本达到 (约数), never 已达到; more than 5% short 未达到", () => {
    expect(compareWithPromise("41", "41", "约", config).state).toBe("REACHED");
    expect(compareWithPromise("38.95", "41", "约", config).state).toBe("ABOUT"); // exactly 95%
    expect(compareWithPromise("40.99", "41", "约", config).state).toBe("ABOUT");
    expect(compareWithPromise("38.94", "41", "约", config).state).toBe("SHORT");
    // the same shortfall on a figure that is not 约 is simply short
    expect(compareWithPromise("40.99", "41", null, config).state).toBe("SHORT");
    expect(compareWithPromise("40.99", "41", "以上", config).state).toBe("SHORT");
  });
  it("the tolerance of 约 is configurable", () => {
    const wide = benefitConfig({ BENEFIT_ABOUT_TOLERANCE_PERCENT: "10" });
    expect(compareWithPromise("36.9", "41", "约", wide).state).toBe("ABOUT");
    expect(compareWithPromise("36.89", "41", "约", wide).state).toBe("SHORT");
    expect(() => benefitConfig({ BENEFIT_ABOUT_TOLERANCE_PERCENT: "abc" })).toThrow(/BENEFIT_ABOUT_TOLERANCE_PERCENT/);
    expect(() => benefitConfig({ BENEFIT_FULL_PRODUCTION_MONTHS: "0" })).toThrow(/BENEFIT_FULL_PRODUCTION_MONTHS/);
    expect(DEFAULT_BENEFIT_CONFIG).toEqual({ aboutTolerancePercent: "5", overdueMonths: 12, lowRatePercent: "50" });
  });
  it("a rate is shown whole when exact, else with one decimal rounded down (never 100% for a promise not met)", () => {
    expect(formatBenefitRate(compareWithPromise("320000", "500000", null, config).rate)).toBe("64%");
    expect(formatBenefitRate(compareWithPromise("4999.99", "5000", "以上", config).rate)).toBe("99.9%");
    expect(formatBenefitRate(compareWithPromise("0", "0", null, config).rate)).toBe("—");
  });
});

describe("the seed's sentence pattern", () => {
  const zhongwei = promisedFigures({
    expectedOutput: "500000",
    expectedOutputAtLeast: false,
    expectedJobs: 150,
    expectedJobsAtLeast: true,
    expectedTax: "5000",
    expectedTaxAtLeast: true,
    metrics: [],
  });
  it("项目建成达产后，预计年产值可达50亿元 → 2025年实现产值32亿元，为承诺的64%", () => {
    expect(deliveredSentence(2025, zhongwei[0], "320000", config)).toBe("2025年实现产值32亿元，为承诺的64%");
    expect(deliveredSentence(2025, zhongwei[1], "150", config)).toBe("2025年新增就业150人，为承诺的100%，已达到承诺");
    expect(deliveredSentence(2025, zhongwei[2], "4800", config)).toBe("2025年实现税收4800万元，为承诺的96%");
  });
  it("a named metric promised 约: its own name and unit", () => {
    const huarun = promisedFigures({
      expectedOutput: null,
      expectedOutputAtLeast: false,
      expectedJobs: null,
      expectedJobsAtLeast: false,
      expectedTax: null,
      expectedTaxAtLeast: false,
      metrics: [
        { name: "年供热量", value: "41", unit: "万吨标煤", qualifier: "约" },
        { name: "年供电量", value: "13", unit: "亿千瓦时", qualifier: "约" },
      ],
    });
    expect(leadingPromise(huarun)!.label).toBe("年供热量");
    expect(figureText(huarun[1].value, huarun[1].unit, huarun[1].qualifier)).toBe("约13亿千瓦时");
    expect(deliveredSentence(2026, huarun[1], "12.5", config)).toBe("2026年年供电量12.5亿千瓦时，为承诺的96.1%，基本达到承诺（约数）");
  });
  it("promises print with their qualifiers", () => {
    expect(zhongwei.map((f) => figureText(f.value, f.unit, f.qualifier))).toEqual(["50亿元", "150人以上", "5000万元以上"]);
    expect(leadingPromise(zhongwei)!.key).toBe("output");
    expect(leadingPromise([])).toBeNull();
  });
});

describe("达产 state and the benefit warnings", () => {
  const inProduction = { actualProductionMonth: "2024-06", fullProductionMonth: null };
  it("more than 12 months in production without 达产: 12 months is not yet, 13 is", () => {
    expect(fullProductionState(inProduction, "2025-06", config)).toBe("PENDING");
    expect(fullProductionState(inProduction, "2025-07", config)).toBe("OVERDUE");
    expect(fullProductionState({ ...inProduction, fullProductionMonth: "2025-03" }, "2025-07", config)).toBe("REACHED");
    // a 达产 month after the month asked about does not count yet
    expect(fullProductionState({ ...inProduction, fullProductionMonth: "2025-08" }, "2025-07", config)).toBe("OVERDUE");
    expect(fullProductionState({ actualProductionMonth: null, fullProductionMonth: null }, "2025-07", config)).toBe("NOT_IN_PRODUCTION");
    expect(fullProductionState(inProduction, "2024-05", config)).toBe("NOT_IN_PRODUCTION");
    expect(fullProductionState(inProduction, "2025-07", benefitConfig({ BENEFIT_FULL_PRODUCTION_MONTHS: "18" }))).toBe("PENDING");
  });
  it("the second full year: the year after next, or the next when production began in January", () => {
    expect(secondFullYear("2024-06")).toBe(2026);
    expect(secondFullYear("2024-01")).toBe(2025);
    expect(secondFullYear("2024-12")).toBe(2026);
  });
  const output: PromisedFigure = { key: "output", label: "产值", unit: "万元", value: dec("500000"), qualifier: null };
  it("达产率 under 50% in the second full year is a warning; exactly 50% is not", () => {
    const facts = { ...inProduction, fullProductionMonth: "2025-01", leading: output };
    expect(benefitWarnings({ ...facts, secondYearActual: "249999.99" }, "2026-12", config)).toEqual(["投产第二个完整年度（2026年）产值为承诺的49.9%，低于50%"]);
    expect(benefitWarnings({ ...facts, secondYearActual: "250000" }, "2026-12", config)).toEqual([]);
    expect(benefitWarnings({ ...facts, secondYearActual: null }, "2026-12", config)).toEqual([]);
    expect(benefitWarnings({ ...facts, secondYearActual: "249999.99" }, "2026-12", benefitConfig({ BENEFIT_LOW_RATE_PERCENT: "40" }))).toEqual([]);
  });
  it("names the months without 达产", () => {
    expect(benefitWarnings({ ...inProduction, leading: output, secondYearActual: null }, "2025-07", config)).toEqual(["2024年6月投产，已13个月未达产"]);
  });
});
