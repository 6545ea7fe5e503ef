// 达产率 against a promise with its qualifier (以上 / 约 / plain) at the boundaries, the sentence
// the documents print, the 达产 state and the two benefit warnings (src/domain/benefits.ts).
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { dec } from "@/lib/money";
import {
  benefitPeriodEnd,
  benefitPeriodLabel,
  benefitWarnings,
  compareWithPromise,
  deliveredSentence,
  figureText,
  formatBenefitRate,
  FULL_PRODUCTION_STATE_LABEL,
  fullProductionState,
  fullProductionStateSql,
  leadingPromise,
  PROMISE_STATE_LABEL,
  promisedFigures,
  qualifierOf,
  secondFullYear,
  type PromisedFigure,
} from "@/domain/benefits";
import { benefitConfig, DEFAULT_BENEFIT_CONFIG, type BenefitConfig } from "@/domain/benefit-config";

// the defaults, written out: the tests below call benefitConfig themselves (a throw at file load would fail no test)
const config: BenefitConfig = { aboutTolerancePercent: dec("5"), overdueMonths: 12, lowRatePercent: dec("50") };

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
  const zhongweiPromises = () =>
    promisedFigures({
      expectedOutput: "500000",
      expectedOutputAtLeast: false,
      expectedJobs: 150,
      expectedJobsAtLeast: true,
      expectedTax: "5000",
      expectedTaxAtLeast: true,
      metrics: [],
    });
  it("项目建成达产后，预计年产值可达50亿元 → 2025年实现产值32亿元，为承诺的64%", () => {
    const zhongwei = zhongweiPromises();
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
    const zhongwei = zhongweiPromises();
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

// a database of its own, made on first use: the SQL twins must answer as the TypeScript rules do
let pg: Promise<PGlite> | undefined;
const database = () => (pg ??= PGlite.create());
async function sqlValue(expression: Prisma.Sql): Promise<unknown> {
  const q = Prisma.sql`SELECT ${expression} AS v`;
  const { rows } = await (await database()).query<{ v: unknown }>(q.text, q.values);
  return rows[0].v;
}

describe("the configuration: defaults, the environment, and its refusals", () => {
  it("nothing set (or only blanks) is the defaults: 约 within 5%, 12 months, 50%", () => {
    for (const env of [{}, { BENEFIT_ABOUT_TOLERANCE_PERCENT: "  ", BENEFIT_FULL_PRODUCTION_MONTHS: " ", BENEFIT_LOW_RATE_PERCENT: "" }]) {
      const c = benefitConfig(env);
      expect([c.aboutTolerancePercent.toString(), c.overdueMonths, c.lowRatePercent.toString()]).toEqual(["5", 12, "50"]);
    }
  });
  it("values are read with the spaces around them trimmed, decimals kept", () => {
    const c = benefitConfig({ BENEFIT_ABOUT_TOLERANCE_PERCENT: " 7.25 ", BENEFIT_FULL_PRODUCTION_MONTHS: " 18 ", BENEFIT_LOW_RATE_PERCENT: "\t40.5\n" });
    expect([c.aboutTolerancePercent.toString(), c.overdueMonths, c.lowRatePercent.toString()]).toEqual(["7.25", 18, "40.5"]);
  });
  it("a percent is 0 to 100 inclusive, a plain decimal number; anything else is refused naming the variable", () => {
    expect(benefitConfig({ BENEFIT_ABOUT_TOLERANCE_PERCENT: "0" }).aboutTolerancePercent.toString()).toBe("0");
    expect(benefitConfig({ BENEFIT_LOW_RATE_PERCENT: "100" }).lowRatePercent.toString()).toBe("100");
    expect(benefitConfig({ BENEFIT_LOW_RATE_PERCENT: "99.99" }).lowRatePercent.toString()).toBe("99.99");
    for (const bad of ["100.01", "101", "-5", "x10", "10x", "10.", ".5", "1e2", "10.5%"]) {
      expect(() => benefitConfig({ BENEFIT_ABOUT_TOLERANCE_PERCENT: bad }), bad).toThrow(/^BENEFIT_ABOUT_TOLERANCE_PERCENT 必须是 0 到 100 之间的数/);
      expect(() => benefitConfig({ BENEFIT_LOW_RATE_PERCENT: bad }), bad).toThrow(/^BENEFIT_LOW_RATE_PERCENT 必须是 0 到 100 之间的数/);
    }
  });
  it("the months are a whole number from 1 to 120; anything else is refused naming the variable", () => {
    expect(benefitConfig({ BENEFIT_FULL_PRODUCTION_MONTHS: "1" }).overdueMonths).toBe(1);
    expect(benefitConfig({ BENEFIT_FULL_PRODUCTION_MONTHS: "120" }).overdueMonths).toBe(120);
    for (const bad of ["0", "121", "-3", "1.5", "x12", "12x", "12个月"]) {
      expect(() => benefitConfig({ BENEFIT_FULL_PRODUCTION_MONTHS: bad }), bad).toThrow(/^BENEFIT_FULL_PRODUCTION_MONTHS 必须是 1 到 120 之间的整数/);
    }
  });
});

describe("qualifiers, labels and promises as stated", () => {
  it("a stored qualifier is 以上 or 约 (spaces ignored); anything else is a plain number; the 预计 flag means 以上", () => {
    expect(qualifierOf("以上")).toBe("以上");
    expect(qualifierOf(" 以上 ")).toBe("以上");
    expect(qualifierOf("约")).toBe("约");
    expect(qualifierOf(" 约\n")).toBe("约");
    expect(qualifierOf("左右")).toBeNull();
    expect(qualifierOf("")).toBeNull();
    expect(qualifierOf(null)).toBeNull();
    expect(qualifierOf(undefined)).toBeNull();
    expect(qualifierOf(null, true)).toBe("以上");
    expect(qualifierOf("约", true)).toBe("以上");
  });
  it("each comparison has its label", () => {
    const label = (actual: string, q: "约" | null) => PROMISE_STATE_LABEL[compareWithPromise(actual, "100", q, config).state];
    expect([label("100", null), label("96", "约"), label("96", null)]).toEqual(["已达到承诺", "基本达到承诺（约数）", "未达到承诺"]);
  });
  it("the promises in the report's order, each with its key, label, unit and qualifier", () => {
    const figures = promisedFigures({
      expectedOutput: "500000",
      expectedOutputAtLeast: false,
      expectedJobs: 150,
      expectedJobsAtLeast: false,
      expectedTax: "5000",
      expectedTaxAtLeast: true,
      metrics: [{ name: "年供电量", value: "13", unit: "亿千瓦时", qualifier: " 约 " }],
    });
    expect(figures.map(({ key, label, unit, value, qualifier }) => [key, label, unit, value.toString(), qualifier])).toEqual([
      ["output", "产值", "万元", "500000", null],
      ["jobs", "新增就业", "人", "150", null],
      ["tax", "税收", "万元", "5000", "以上"],
      ["metric:年供电量", "年供电量", "亿千瓦时", "13", "约"],
    ]);
    expect(deliveredSentence(2025, figures[1], "120", config)).toBe("2025年新增就业120人，为承诺的80%");
  });
  it("without 产值 the 达产率 is judged on the first named metric, never on 新增就业 or 税收", () => {
    const figures = promisedFigures({
      expectedOutput: null,
      expectedOutputAtLeast: false,
      expectedJobs: 80,
      expectedJobsAtLeast: false,
      expectedTax: "300",
      expectedTaxAtLeast: false,
      metrics: [{ name: "年供热量", value: "41", unit: "万吨标煤", qualifier: "约" }],
    });
    expect(leadingPromise(figures)!.key).toBe("metric:年供热量");
    expect(leadingPromise(figures.slice(0, 2))).toBeNull();
  });
  it("a named metric promised 以上 puts 以上 after its unit; 人 and 万元 print as the report does", () => {
    expect(figureText("13", "亿千瓦时", "以上")).toBe("13亿千瓦时以上");
    expect(figureText("13", "亿千瓦时", null)).toBe("13亿千瓦时");
    expect(figureText("150", "人", "约")).toBe("约150人");
    expect(figureText("150", "人", null)).toBe("150人");
    expect(figureText("5000", "万元", "约")).toBe("约5000万元");
  });
});

describe("达产 state at its boundaries, its labels, and its SQL twin", () => {
  const inProduction = { actualProductionMonth: "2024-06", fullProductionMonth: null };
  it("in production from its production month; 达产 from its 达产 month", () => {
    expect(fullProductionState(inProduction, "2024-06", config)).toBe("PENDING");
    expect(fullProductionState({ ...inProduction, fullProductionMonth: "2025-03" }, "2025-03", config)).toBe("REACHED");
    expect(fullProductionState({ ...inProduction, fullProductionMonth: "2025-03" }, "2025-02", config)).toBe("PENDING");
  });
  it("each state has its label", () => {
    const label = (facts: { actualProductionMonth: string | null; fullProductionMonth: string | null }, month: string) =>
      FULL_PRODUCTION_STATE_LABEL[fullProductionState(facts, month, config)];
    expect([
      label({ actualProductionMonth: null, fullProductionMonth: null }, "2025-07"),
      label({ ...inProduction, fullProductionMonth: "2025-01" }, "2025-07"),
      label(inProduction, "2025-06"),
      label(inProduction, "2025-07"),
    ]).toEqual(["未投产", "已达产", "投产未达产", "投产超期未达产"]);
  });
  it("the SQL twin gives the same state at every boundary", { timeout: 60_000 }, async () => {
    const cases: Array<[string | null, string | null, string, number]> = [
      [null, null, "2025-07", 12],
      ["2024-06", null, "2024-05", 12],
      ["2024-06", null, "2024-06", 12],
      ["2024-06", null, "2025-06", 12],
      ["2024-06", null, "2025-07", 12],
      ["2024-06", null, "2025-07", 18],
      ["2024-06", "2025-03", "2025-03", 12],
      ["2024-06", "2025-08", "2025-07", 12],
      ["2023-11", null, "2025-01", 12],
    ];
    for (const [production, full, month, overdueMonths] of cases) {
      const expected = fullProductionState({ actualProductionMonth: production, fullProductionMonth: full }, month, { overdueMonths });
      const got = await sqlValue(fullProductionStateSql(Prisma.sql`${production}::text`, Prisma.sql`${full}::text`, month, { overdueMonths }));
      expect(got, `${production} ${full} ${month} ${overdueMonths}`).toBe(expected);
    }
  });
});

describe("the benefit warnings need a production month, a leading promise and a positive promise", () => {
  const output: PromisedFigure = { key: "output", label: "产值", unit: "万元", value: dec("500000"), qualifier: null };
  it("no warning on the second year without a production month or without a leading promise", () => {
    expect(benefitWarnings({ actualProductionMonth: null, fullProductionMonth: null, leading: output, secondYearActual: "1" }, "2026-12", config)).toEqual([]);
    expect(benefitWarnings({ actualProductionMonth: "2024-06", fullProductionMonth: "2025-01", leading: null, secondYearActual: "1" }, "2026-12", config)).toEqual([]);
  });
  it("a promise of 0 has no 达产率 and so no low-rate warning", () => {
    const zero = { ...output, value: dec(0) };
    expect(benefitWarnings({ actualProductionMonth: "2024-06", fullProductionMonth: "2025-01", leading: zero, secondYearActual: "0" }, "2026-12", config)).toEqual([]);
  });
});

describe("the period a benefit report is as of", () => {
  it("a year ends in December, a quarter in its third month", () => {
    expect([0, 1, 2, 3, 4].map((q) => benefitPeriodEnd(2025, q))).toEqual(["2025-12", "2025-03", "2025-06", "2025-09", "2025-12"]);
  });
  it("is named by its year, or its year and quarter", () => {
    expect(benefitPeriodLabel(2025, 0)).toBe("2025年");
    expect(benefitPeriodLabel(2025, 2)).toBe("2025年第2季度");
  });
});
