import { describe, expect, it } from "vitest";
import {
  evaluateWarning,
  formatDeadline,
  formatMonths,
  lagPoints,
  silentMonths,
  STALE_LABEL,
  worse,
  type MonthPoint,
  type WarningInput,
  type WarningLevel,
} from "@/domain/warnings";
import { warningConfig } from "@/domain/warning-config";

const config = warningConfig({});
const base: WarningInput = {
  startDeadline: "2024-04-30",
  actualStartMonth: "2024-03",
  totalInvestment: "100000", // 10亿元: 1 point = 1000万元
  referenceMonth: "2024-11",
  history: [],
  overdueOpenIssues: 0,
};
const at = (month: string, planned: string | null, actual: string | null, demo = false): MonthPoint => ({
  month,
  planned,
  actual,
  plannedDemo: demo,
  actualDemo: false,
});
const run = (over: Partial<WarningInput>) => evaluateWarning({ ...base, ...over }, config);

describe("lag in points of total investment", () => {
  it("is exact and needs both figures", () => {
    expect(lagPoints("160000", "150000", "330000")!.toFixed(4)).toBe("3.0303");
    expect(lagPoints("100", "130", "100")!.toString()).toBe("-30");
    expect(lagPoints(null, "1", "100")).toBeNull();
    expect(lagPoints("1", null, "100")).toBeNull();
    expect(lagPoints("1", "1", "0")).toBeNull();
  });
});

describe("三色预警", () => {
  it("is green for a project on time and on plan", () => {
    const w = run({ history: [at("2024-11", "50000", "49000")] });
    expect(w).toEqual({ level: "green", stale: false, reasons: [], lagPoints: "1.0", demo: false });
  });

  it("is red when not started after the start deadline", () => {
    const w = run({ actualStartMonth: null, referenceMonth: "2024-05", history: [] });
    expect(w.level).toBe("red");
    expect(w.reasons[0]).toBe("计划2024年4月30日前开工，截至2024年5月仍未开工");
  });

  it("is not red for a project not started while the deadline month is still running", () => {
    const w = run({ actualStartMonth: null, referenceMonth: "2024-04", history: [at("2024-04", null, "0")] });
    expect(w.level).toBe("green");
  });

  it("flags a late start yellow with the deadline in the reason (the seed's four projects)", () => {
    const w = run({ actualStartMonth: "2024-09", history: [at("2024-11", null, "150000")], totalInvestment: "330000" });
    expect(w.level).toBe("yellow");
    expect(w.reasons).toEqual(["开工晚于计划截止日期 2024年4月30日（2024年9月开工）"]);
    expect(w.lagPoints).toBeNull();
  });

  it("is red more than 20 points behind its own monthly plan, yellow from 10 to 20 inclusive", () => {
    expect(run({ history: [at("2024-11", "70000", "49999")] }).level).toBe("red"); // 20.001
    expect(run({ history: [at("2024-11", "70000", "50000")] }).level).toBe("yellow"); // exactly 20
    expect(run({ history: [at("2024-11", "70000", "60000")] }).level).toBe("yellow"); // exactly 10
    expect(run({ history: [at("2024-11", "70000", "60001")] }).level).toBe("green"); // 9.999
    expect(run({ history: [at("2024-11", "70000", "40000")] }).reasons[0]).toBe("2024年11月累计完成投资落后月度计划 30.0 个百分点");
  });

  it("turns a red project that caught up yellow, from its history alone", () => {
    const w = run({ history: [at("2024-09", "40000", "10000"), at("2024-10", "50000", "40000"), at("2024-11", "60000", "59000")] });
    expect(w.level).toBe("yellow");
    expect(w.reasons).toEqual(["2024年9月曾落后月度计划 30.0 个百分点（红色预警），现落后 1.0 个百分点"]);
  });

  it("stays red while still more than 20 points behind, without a caught-up note", () => {
    const w = run({ history: [at("2024-09", "40000", "10000"), at("2024-11", "60000", "30000")] });
    expect(w.level).toBe("red");
    expect(w.reasons).toEqual(["2024年11月累计完成投资落后月度计划 30.0 个百分点"]);
  });

  it("ignores months after the reference month", () => {
    const w = run({ referenceMonth: "2024-10", history: [at("2024-10", "50000", "49000"), at("2024-11", "90000", "0")] });
    expect(w.level).toBe("green");
  });

  it("is yellow with an overdue open issue", () => {
    const w = run({ history: [at("2024-11", "50000", "50000")], overdueOpenIssues: 2 });
    expect(w.level).toBe("yellow");
    expect(w.reasons).toEqual(["有2个问题逾期未办结"]);
  });

  it("judges a project without a report for the reference month on its carried figure against this month's plan", () => {
    const w = run({ history: [at("2024-10", "50000", "10000"), at("2024-11", "60000", null)] });
    expect(w.stale).toBe(true);
    // October was red (40 points); November adds nothing: 60000 − 10000 = 50 points, still red
    expect(w.lagPoints).toBe("50.0");
    expect(w.level).toBe("red");
    expect(w.reasons).toEqual([
      "累计完成投资落后2024年11月月度计划 50.0 个百分点（2024年11月未报，按2024年10月累计数计，不计未报月份进度）",
      "2024年10月落后月度计划 40.0 个百分点（红色预警），此后未报，预警未解除",
      "2024年11月未报",
    ]);
  });

  it("a stale project that was red earlier and caught up since is at least yellow", () => {
    const w = run({ referenceMonth: "2024-12", history: [at("2024-10", "50000", "10000"), at("2024-11", "60000", "55000")] });
    expect(w.stale).toBe(true);
    expect(w.level).toBe("yellow");
    expect(w.reasons).toEqual(["2024年10月曾落后月度计划 40.0 个百分点（红色预警）", "2024年12月未报"]);
  });

  it("handles a project with no reports at all (January, not started, not yet due)", () => {
    const w = run({ actualStartMonth: null, referenceMonth: "2024-01", history: [] });
    expect(w).toEqual({ level: "green", stale: true, reasons: ["尚无2024年1月月报（数据未更新）"], lagPoints: null, demo: false });
  });

  it("says when a reason rests on demo figures", () => {
    const w = run({ history: [at("2024-11", "80000", "50000", true)] });
    expect(w.level).toBe("red");
    expect(w.demo).toBe(true);
    expect(w.reasons[0]).toContain("（演示数据）");
  });

  it("lists red reasons before yellow ones", () => {
    const w = run({ actualStartMonth: "2024-06", history: [at("2024-12", "80000", "50000")], referenceMonth: "2024-12", overdueOpenIssues: 1 });
    expect(w.level).toBe("red");
    expect(w.reasons).toEqual(["2024年12月累计完成投资落后月度计划 30.0 个百分点", "开工晚于计划截止日期 2024年4月30日（2024年6月开工）", "有1个问题逾期未办结"]);
  });

  it("orders colours", () => {
    expect(worse("green", "yellow")).toBe("yellow");
    expect(worse("red", "yellow")).toBe("red");
  });
});

describe("warning configuration", () => {
  it("defaults to 20 and 10 points and can be overridden by the environment", () => {
    expect(warningConfig({}).redLagPoints.toString()).toBe("20");
    expect(warningConfig({}).yellowLagPoints.toString()).toBe("10");
    const c = warningConfig({ WARNING_RED_LAG_POINTS: "15", WARNING_YELLOW_LAG_POINTS: "5" });
    expect(evaluateWarning({ ...base, history: [at("2024-11", "70000", "54000")] }, c).level).toBe("red"); // 16 > 15
  });
  it("rejects nonsense", () => {
    expect(() => warningConfig({ WARNING_RED_LAG_POINTS: "abc" })).toThrow(/WARNING_RED_LAG_POINTS/);
    expect(() => warningConfig({ WARNING_RED_LAG_POINTS: "5", WARNING_YELLOW_LAG_POINTS: "10" })).toThrow();
  });
});

describe("warnings: what the official reads, in detail", () => {
  it("labels every level in Chinese", async () => {
    const { WARNING_LABEL } = await import("@/domain/warnings");
    expect(WARNING_LABEL).toEqual({ red: "红色预警", yellow: "黄色预警", green: "正常" });
  });

  it("the latest red month is named, whatever order the history comes in, and months after the reference are ignored", () => {
    const w = run({
      history: [at("2024-11", "50000", "48000"), at("2024-09", "40000", "15000"), at("2024-07", "30000", "5000"), at("2024-12", "90000", "0")],
    });
    expect(w.level).toBe("yellow");
    expect(w.reasons).toEqual(["2024年9月曾落后月度计划 25.0 个百分点（红色预警），现落后 2.0 个百分点"]);
  });

  it("a later month's lag is not judged as of the reference month", () => {
    const w = run({ referenceMonth: "2024-10", history: [at("2024-10", "40000", "39000"), at("2024-11", "90000", "0")] });
    expect(w).toMatchObject({ level: "green", stale: false, lagPoints: "1.0", reasons: [] });
  });

  it("a red month not followed by any report is not lifted: the project stays red, and its silence is counted", () => {
    const w = run({ history: [at("2024-07", "30000", "5000")] });
    expect(w.reasons).toEqual(["2024年7月落后月度计划 25.0 个百分点（红色预警），此后未报，预警未解除", "连续4个月未报（2024年8月至11月）"]);
    expect([w.level, w.stale, w.lagPoints]).toEqual(["red", true, null]);
  });

  it("demo figures are flagged only when a reason rests on them", () => {
    const actualDemo = (month: string, planned: string, actual: string): MonthPoint => ({ month, planned, actual, plannedDemo: false, actualDemo: true });
    expect(run({ history: [at("2024-11", "50000", "49000", true)] }).demo).toBe(false); // no reason at all
    expect(run({ history: [at("2024-11", "50000", "25000", true)] }).demo).toBe(true); // red on demo plan
    expect(run({ history: [actualDemo("2024-11", "50000", "38000")] })).toMatchObject({ level: "yellow", demo: true });
    expect(run({ history: [at("2024-11", "50000", "38000")] })).toMatchObject({ level: "yellow", demo: false });
    expect(run({ history: [at("2024-11", "50000", "25000")] })).toMatchObject({ level: "red", demo: false });
    const wasRedDemo = run({ history: [actualDemo("2024-07", "30000", "5000"), at("2024-11", "50000", "49000")] });
    expect(wasRedDemo).toMatchObject({ level: "yellow", demo: true });
    expect(wasRedDemo.reasons[0]).toMatch(/（演示数据）$/);
    expect(run({ history: [at("2024-07", "30000", "5000"), at("2024-11", "50000", "49000")] }).demo).toBe(false);
  });

  it("a start in the deadline's own month is on time; a reference month equal to the deadline month is not yet late", () => {
    expect(run({ actualStartMonth: "2024-04", history: [at("2024-11", "50000", "50000")] }).level).toBe("green");
    expect(run({ actualStartMonth: null, referenceMonth: "2024-04" }).reasons.filter((r) => r.includes("仍未开工"))).toEqual([]);
  });

  it("worse() keeps the more serious level either way round", () => {
    expect(worse("green", "red")).toBe("red");
    expect(worse("red", "yellow")).toBe("red");
    expect(worse("yellow", "green")).toBe("yellow");
  });
});

describe("未报 never helps", () => {
  // deadline at the end of the year: a project not started in November is not late to start
  const lateDeadline = "2024-12-31";
  type Row = { started: boolean; plan: boolean; reports: "all" | "silent 1" | "silent 2" | "never"; level: string; lag: string | null; reason: string | null };
  // Sep 45000, Oct 55000, Nov 58000 reported (as the row says); plans Sep 40000, Oct 50000, Nov 60000
  const table: Row[] = [
    { started: true, plan: true, reports: "all", level: "green", lag: "2.0", reason: null },
    { started: true, plan: false, reports: "all", level: "green", lag: null, reason: null },
    { started: false, plan: true, reports: "all", level: "green", lag: "2.0", reason: null },
    { started: false, plan: false, reports: "all", level: "green", lag: null, reason: null },
    // November not reported: October's 55000 against November's 60000 (5 points), yellow for the silent month
    { started: true, plan: true, reports: "silent 1", level: "yellow", lag: "5.0", reason: "2024年11月未报" },
    { started: true, plan: false, reports: "silent 1", level: "yellow", lag: null, reason: "2024年11月未报" },
    { started: false, plan: true, reports: "silent 1", level: "yellow", lag: "5.0", reason: "2024年11月未报" },
    { started: false, plan: false, reports: "silent 1", level: "yellow", lag: null, reason: "2024年11月未报" },
    // October and November not reported: September's 45000 against November's 60000 (15 points), red for two silent months
    { started: true, plan: true, reports: "silent 2", level: "red", lag: "15.0", reason: "连续2个月未报（2024年10月、11月）" },
    { started: true, plan: false, reports: "silent 2", level: "red", lag: null, reason: "连续2个月未报（2024年10月、11月）" },
    { started: false, plan: true, reports: "silent 2", level: "red", lag: "15.0", reason: "连续2个月未报（2024年10月、11月）" },
    { started: false, plan: false, reports: "silent 2", level: "red", lag: null, reason: "连续2个月未报（2024年10月、11月）" },
    // never reported: a started project is silent since its start (2024-03) or January; one not started is judged on its start alone
    { started: true, plan: true, reports: "never", level: "red", lag: null, reason: "连续9个月未报（2024年3月至11月）" },
    { started: true, plan: false, reports: "never", level: "red", lag: null, reason: "连续9个月未报（2024年3月至11月）" },
    { started: false, plan: true, reports: "never", level: "green", lag: null, reason: "尚无2024年11月月报（数据未更新）" },
    { started: false, plan: false, reports: "never", level: "green", lag: null, reason: "尚无2024年11月月报（数据未更新）" },
  ];
  const actuals = { "2024-09": "45000", "2024-10": "55000", "2024-11": "58000" } as const;
  const reportedMonths = { all: ["2024-09", "2024-10", "2024-11"], "silent 1": ["2024-09", "2024-10"], "silent 2": ["2024-09"], never: [] as string[] };

  it.each(table)("started $started, plan figure $plan, reports $reports → $level", (row) => {
    const plans = { "2024-09": "40000", "2024-10": "50000", "2024-11": "60000" } as const;
    const history = (Object.keys(plans) as (keyof typeof plans)[]).map((m) => at(m, row.plan ? plans[m] : null, reportedMonths[row.reports].includes(m) ? actuals[m] : null));
    const w = run({ startDeadline: lateDeadline, actualStartMonth: row.started ? "2024-03" : null, history });
    expect(w.level).toBe(row.level);
    expect(w.stale).toBe(row.reports !== "all");
    expect(w.lagPoints).toBe(row.lag);
    if (row.reason === null) expect(w.reasons).toEqual([]);
    else expect(w.reasons).toContain(row.reason);
  });

  it("a project started this month and not reporting it is yellow for the one month", () => {
    const w = run({ startDeadline: lateDeadline, actualStartMonth: "2024-11", history: [at("2024-11", "1000", null)] });
    expect([w.level, w.reasons]).toEqual(["yellow", ["2024年11月未报"]]);
  });

  it("counts 未报 months across the new year, from the carried figure of last year", () => {
    const w = run({ referenceMonth: "2025-01", history: [at("2025-01", null, null)], carried: { month: "2024-11", actual: "50000", planned: "50000" } });
    expect([w.level, w.reasons]).toEqual(["red", ["连续2个月未报（2024年12月、2025年1月）"]]);
  });

  it("the 未报 thresholds are configurable; below them the month is still said", () => {
    const c = warningConfig({ WARNING_SILENT_YELLOW_MONTHS: "2", WARNING_SILENT_RED_MONTHS: "3" });
    const history = [at("2024-09", "40000", "45000"), at("2024-10", "50000", null), at("2024-11", "60000", null)];
    const one = evaluateWarning({ ...base, referenceMonth: "2024-10", history }, c);
    expect([one.level, one.reasons]).toEqual(["green", ["2024年10月未报"]]);
    const two = evaluateWarning({ ...base, history }, c);
    expect([two.level, two.reasons]).toEqual([
      "yellow",
      ["累计完成投资落后2024年11月月度计划 15.0 个百分点（2024年11月未报，按2024年9月累计数计，不计未报月份进度）", "连续2个月未报（2024年10月、11月）"],
    ]);
  });

  it("a red project walked through two silent months never improves, and its reasons cite its latest red month", () => {
    // 金石资源 (YQ2024-002) in the demo: 53.8亿元, red in 2024-11 at 22.3 points, then silent
    const total = "538000";
    const plan2024 = { "2024-08": "140000", "2024-09": "180000", "2024-10": "230000", "2024-11": "290000", "2024-12": "340000" };
    const reported = { "2024-08": "30000", "2024-09": "70000", "2024-10": "120000", "2024-11": "170000" } as Record<string, string>;
    const history2024 = (upTo: string) => Object.entries(plan2024).map(([m, p]) => at(m, p, m <= upTo ? (reported[m] ?? null) : null));
    const eva = (over: Partial<WarningInput>) => evaluateWarning({ ...base, actualStartMonth: "2024-08", totalInvestment: total, ...over }, config);

    const november = eva({ referenceMonth: "2024-11", history: history2024("2024-11") });
    expect(november.level).toBe("red");
    expect(november.reasons[0]).toBe("2024年11月累计完成投资落后月度计划 22.3 个百分点");

    const december = eva({ referenceMonth: "2024-12", history: history2024("2024-12") });
    expect(december.level).toBe("red");
    expect(december.reasons).toEqual([
      "累计完成投资落后2024年12月月度计划 31.6 个百分点（2024年12月未报，按2024年11月累计数计，不计未报月份进度）",
      "2024年11月落后月度计划 22.3 个百分点（红色预警），此后未报，预警未解除",
      "开工晚于计划截止日期 2024年4月30日（2024年8月开工）",
      "2024年12月未报",
    ]);
    expect(Number(december.lagPoints)).toBeGreaterThan(Number(november.lagPoints));

    // January of the next year: a new year's history without a plan figure yet; the carried November figure still counts
    const january = eva({
      referenceMonth: "2025-01",
      history: [at("2025-01", null, null)],
      carried: { month: "2024-11", actual: "170000", planned: "290000" },
    });
    expect(january.level).toBe("red");
    expect(january.reasons).toEqual([
      "2024年11月落后月度计划 22.3 个百分点（红色预警），此后未报，预警未解除",
      "连续2个月未报（2024年12月、2025年1月）",
      "开工晚于计划截止日期 2024年4月30日（2024年8月开工）",
    ]);
  });

  it("no silent month improves any project's colour (every history, every month)", () => {
    const rank = { green: 0, yellow: 1, red: 2 } as const;
    const months = ["2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"];
    const plans = ["10000", "20000", "30000", "40000", "50000", "60000", "70000"];
    // every pattern of reported / silent months over seven months, with figures red, yellow or green on lag
    const figureSets = [
      ["9000", "19000", "29000", "39000", "49000", "59000", "69000"], // on plan
      ["5000", "8000", "15000", "25000", "36000", "45000", "55000"], // yellow-ish
      ["0", "0", "5000", "10000", "20000", "30000", "40000"], // red
      ["0", "0", "5000", "38000", "49000", "59000", "69000"], // red, then caught up
    ];
    let checked = 0;
    for (const figures of figureSets) {
      for (let pattern = 0; pattern < 1 << months.length; pattern++) {
        for (const plan of [true, false]) {
          let previous: WarningLevel | null = null;
          months.forEach((ref, i) => {
            const history = months.map((m, j) => at(m, plan || j % 2 === 0 ? plans[j] : null, pattern & (1 << j) ? figures[j] : null));
            const w = run({ referenceMonth: ref, history });
            const silentNow = !(pattern & (1 << i));
            if (silentNow && previous !== null) {
              expect(rank[w.level], `${ref} pattern ${pattern.toString(2)} after ${previous}: ${w.reasons.join("；")}`).toBeGreaterThanOrEqual(rank[previous]);
              checked++;
            }
            previous = w.level;
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe("未报 months and the carried figure: the edges", () => {
  it("a project that never reported counts its silent months from its start, but not before this year's January", () => {
    const silent = (actualStartMonth: string | null, latestReported: string | null = null, referenceMonth = "2024-03") =>
      silentMonths({ latestReported, actualStartMonth, referenceMonth });
    expect(silent("2023-10")).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(silent("2024-02")).toEqual(["2024-02", "2024-03"]);
    expect(silent("2024-01")).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(silent("2024-05")).toEqual([]);
    expect(silent(null)).toEqual([]);
    expect(silent("2023-10", "2024-03")).toEqual([]);
    expect(silent(null, "2023-11")).toEqual(["2023-12", "2024-01", "2024-02", "2024-03"]);
  });

  it("months are written as a reader writes them", () => {
    expect(formatMonths(["2024-11", "2024-12", "2025-01"])).toBe("2024年11月、12月、2025年1月");
    expect(formatMonths(["2024-11", "2024-12", "2025-01", "2025-02"])).toBe("2024年11月至2025年2月");
    expect(formatMonths(["2024-08", "2024-09", "2024-10", "2024-11", "2024-12"])).toBe("2024年8月至12月");
    expect(formatDeadline("2024-04-30")).toBe("2024年4月30日");
    expect(STALE_LABEL).toBe("数据未更新");
  });

  it("a project that has never reported (carried: none) is judged on its start and its silence", () => {
    const w = run({ carried: null, history: [at("2024-11", "60000", null)] });
    expect(w.stale).toBe(true);
    expect(w.level).toBe("red");
    expect(w.reasons).toEqual(["连续9个月未报（2024年3月至11月）"]);
  });

  it("a figure of a month after the reference month is not carried back", () => {
    const w = run({ carried: { month: "2024-12", actual: "90000" }, history: [at("2024-11", "60000", null)] });
    expect(w.stale).toBe(true);
    expect(w.lagPoints).toBeNull();
    expect(w.reasons).toEqual(["连续9个月未报（2024年3月至11月）"]);
  });

  it("a red carried figure resting on demo figures says so, from the carried plan, its month's plan or the figure itself", () => {
    const reason = "2024年11月落后月度计划 50.0 个百分点（红色预警），此后未报，预警未解除";
    const stale = (carried: WarningInput["carried"], history: MonthPoint[] = [at("2024-11", "60000", "10000")]) => run({ referenceMonth: "2024-12", history, carried });
    for (const w of [
      stale({ month: "2024-11", actual: "10000", plannedDemo: true }),
      stale({ month: "2024-11", actual: "10000" }, [at("2024-11", "60000", "10000", true)]),
      stale({ month: "2024-11", actual: "10000", demo: true }),
    ]) {
      expect(w.level).toBe("red");
      expect(w.reasons[0]).toBe(`${reason}（演示数据）`);
      expect(w.demo).toBe(true);
    }
    const real = stale({ month: "2024-11", actual: "10000" });
    expect(real.reasons[0]).toBe(reason);
    expect(real.demo).toBe(false);
    // the carried figure's own plan figure wins over its month's
    expect(stale({ month: "2024-11", actual: "10000", plannedDemo: false }, [at("2024-11", "60000", "10000", true)]).demo).toBe(false);
  });
});
