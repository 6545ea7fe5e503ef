import { describe, expect, it } from "vitest";
import { evaluateWarning, lagPoints, worse, type MonthPoint, type WarningInput } from "@/domain/warnings";
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

  it("marks a project without a report for the reference month stale, never carrying the old figure forward", () => {
    const w = run({ history: [at("2024-10", "50000", "10000"), at("2024-11", "60000", null)] });
    expect(w.stale).toBe(true);
    expect(w.lagPoints).toBeNull();
    // October was red (40 points) and November is unknown: yellow, flagged stale, not red on an old figure
    expect(w.level).toBe("yellow");
  });

  it("a stale project that was red earlier is at least yellow", () => {
    const w = run({ referenceMonth: "2024-12", history: [at("2024-10", "50000", "10000"), at("2024-11", "60000", "55000")] });
    expect(w.stale).toBe(true);
    expect(w.level).toBe("yellow");
    expect(w.reasons.at(-1)).toBe("缺少2024年12月月报（数据未更新），未按最新月份评估投资进度");
  });

  it("handles a project with no reports at all (January, not yet due)", () => {
    const w = run({ actualStartMonth: null, referenceMonth: "2024-01", history: [] });
    expect(w).toEqual({ level: "green", stale: true, reasons: ["缺少2024年1月月报（数据未更新），未按最新月份评估投资进度"], lagPoints: null, demo: false });
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

  it("the earliest red month is named, whatever order the history comes in, and months after the reference are ignored", () => {
    const w = run({
      history: [at("2024-11", "50000", "48000"), at("2024-09", "40000", "15000"), at("2024-07", "30000", "5000"), at("2024-12", "90000", "0")],
    });
    expect(w.level).toBe("yellow");
    expect(w.reasons).toEqual(["2024年7月曾落后月度计划 25.0 个百分点（红色预警），现落后 2.0 个百分点"]);
  });

  it("a later month's lag is not judged as of the reference month", () => {
    const w = run({ referenceMonth: "2024-10", history: [at("2024-10", "40000", "39000"), at("2024-11", "90000", "0")] });
    expect(w).toMatchObject({ level: "green", stale: false, lagPoints: "1.0", reasons: [] });
  });

  it("was-red without a current figure says nothing about now", () => {
    const w = run({ history: [at("2024-07", "30000", "5000")] });
    expect(w.reasons[0]).toBe("2024年7月曾落后月度计划 25.0 个百分点（红色预警）");
    expect(w.stale).toBe(true);
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
    expect(run({ actualStartMonth: "2024-04" }).level).toBe("green");
    expect(run({ actualStartMonth: null, referenceMonth: "2024-04" }).reasons.filter((r) => r.includes("仍未开工"))).toEqual([]);
  });

  it("worse() keeps the more serious level either way round", () => {
    expect(worse("green", "red")).toBe("red");
    expect(worse("red", "yellow")).toBe("red");
    expect(worse("yellow", "green")).toBe("yellow");
  });
});
