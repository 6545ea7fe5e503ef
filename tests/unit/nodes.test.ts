// Node plans and 入库: the state of a node at its boundaries (due today, due in N days, one day
// overdue), the order rule, 投产 before 开工, and the 入库 warning at its month boundaries.
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysUntil,
  nodeDueSoonDays,
  nodeOrderErrors,
  nodeState,
  productionBeforeStart,
  type NodeDates,
  type NodeProjectFacts,
  monthsBetween,
  monthsStartedNotEntered,
  startedNotEntered,
} from "@/domain/nodes";
import { evaluateWarning, type WarningInput } from "@/domain/warnings";
import { warningConfig } from "@/domain/warning-config";

const today = "2024-06-15";
const none: NodeProjectFacts = { actualStartMonth: null, actualProductionMonth: null, statsEnteredMonth: null };
const state = (planned: string | null, actual: string | null = null, kind = "MAIN_STRUCTURE", facts = none, days = 7) => nodeState({ kind, planned, actual }, facts, today, days);

describe("节点状态 (临期 / 超期)", () => {
  it("a node due today is 临期, not 超期; one day overdue is 超期", () => {
    expect(state("2024-06-15")).toBe("due-soon");
    expect(state("2024-06-14")).toBe("overdue");
  });
  it("临期 up to and including N days ahead, 未到期 from N + 1", () => {
    expect(state("2024-06-22")).toBe("due-soon"); // 7 days
    expect(state("2024-06-23")).toBe("pending"); // 8 days
    expect(state("2024-06-18", null, "EQUIPMENT", none, 3)).toBe("due-soon");
    expect(state("2024-06-19", null, "EQUIPMENT", none, 3)).toBe("pending");
    expect(state("2024-06-16", null, "EQUIPMENT", none, 0)).toBe("pending");
    expect(state("2024-06-15", null, "EQUIPMENT", none, 0)).toBe("due-soon");
  });
  it("across a month and a year end", () => {
    expect(nodeState({ kind: "LAND", planned: "2025-01-03", actual: null }, none, "2024-12-27", 7)).toBe("due-soon");
    expect(nodeState({ kind: "LAND", planned: "2025-01-04", actual: null }, none, "2024-12-27", 7)).toBe("pending");
  });
  it("已完成 once it has an actual date, whenever that was", () => {
    expect(state("2024-01-01", "2024-03-01")).toBe("done");
    expect(state(null, "2024-03-01")).toBe("done");
  });
  it("开工 / 投产 / 入库 count as reached when the project records them (entered once)", () => {
    expect(state("2024-01-01", null, "START", { ...none, actualStartMonth: "2024-02" })).toBe("done");
    expect(state("2024-01-01", null, "START", none)).toBe("overdue");
    expect(state("2024-01-01", null, "PRODUCTION", { ...none, actualStartMonth: "2024-02" })).toBe("overdue");
    expect(state("2024-01-01", null, "PRODUCTION", { ...none, actualProductionMonth: "2024-05" })).toBe("done");
    expect(state("2024-01-01", null, "STATS_ENTRY", { ...none, statsEnteredMonth: "2024-05" })).toBe("done");
    expect(state("2024-01-01", null, "MAIN_STRUCTURE", { actualStartMonth: "2024-01", actualProductionMonth: "2024-05", statsEnteredMonth: "2024-02" })).toBe("overdue");
  });
  it("without a planned date it is 未到期", () => {
    expect(state(null)).toBe("pending");
  });
  it("days until the planned date", () => {
    expect(daysUntil("2024-06-15", today)).toBe(0);
    expect(daysUntil("2024-06-14", today)).toBe(-1);
    expect(daysUntil("2024-07-01", today)).toBe(16);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });
  it("NODE_DUE_SOON_DAYS: default 7, whole days 0–365", () => {
    expect(nodeDueSoonDays({})).toBe(7);
    expect(nodeDueSoonDays({ NODE_DUE_SOON_DAYS: " 14 " })).toBe(14);
    expect(nodeDueSoonDays({ NODE_DUE_SOON_DAYS: "0" })).toBe(0);
    for (const bad of ["-1", "3.5", "x", "366"]) {
      expect(() => nodeDueSoonDays({ NODE_DUE_SOON_DAYS: bad })).toThrow(`NODE_DUE_SOON_DAYS 必须是 0 到 365 之间的整数（天），而不是「${bad}」`);
    }
  });
});

describe("节点顺序", () => {
  const n = (kind: NodeDates["kind"], actual: string | null, planned: string | null = null): NodeDates => ({ kind, planned, actual });
  it("an actual date may not precede the date of a node it follows; the same day is fine", () => {
    expect(nodeOrderErrors([n("START", "2024-09-10"), n("PRODUCTION", "2024-09-09")], null)).toEqual({
      actual_PRODUCTION: ["实际日期不能早于「开工」的实际日期（2024-09-10）"],
    });
    expect(nodeOrderErrors([n("START", "2024-09-10"), n("PRODUCTION", "2024-09-10")], null)).toEqual({});
  });
  it("follows the chain: 投产 not before 施工许可 even when 开工 is not recorded", () => {
    const e = nodeOrderErrors([n("CONSTRUCTION_PERMIT", "2024-05-01"), n("PRODUCTION", "2024-04-30")], null);
    expect(e.actual_PRODUCTION).toEqual(["实际日期不能早于「施工许可」的实际日期（2024-05-01）"]);
  });
  it("入库 follows 开工 but not 主体完工; 竣工 follows 主体完工 but not 投产", () => {
    expect(nodeOrderErrors([n("START", "2024-01-10"), n("MAIN_STRUCTURE", "2024-08-01"), n("STATS_ENTRY", "2024-02-01")], null)).toEqual({});
    expect(nodeOrderErrors([n("START", "2024-01-10"), n("STATS_ENTRY", "2024-01-09")], null)).toHaveProperty("actual_STATS_ENTRY");
    expect(nodeOrderErrors([n("MAIN_STRUCTURE", "2024-08-01"), n("PRODUCTION", "2024-12-01"), n("COMPLETION", "2024-10-01")], null)).toEqual({});
  });
  it("planned dates keep the same order", () => {
    expect(nodeOrderErrors([n("START", null, "2024-04-30"), n("MAIN_STRUCTURE", null, "2024-03-01")], null)).toEqual({
      planned_MAIN_STRUCTURE: ["计划日期不能早于「开工」的计划日期（2024-04-30）"],
    });
  });
  it("a node after 开工 may not be reached before the project's actual start month", () => {
    expect(nodeOrderErrors([n("PRODUCTION", "2024-08-31")], "2024-09")).toEqual({ actual_PRODUCTION: ["实际日期不能早于项目实际开工月份（2024年9月）"] });
    expect(nodeOrderErrors([n("PRODUCTION", "2024-09-01")], "2024-09")).toEqual({});
    // nodes before 开工 (permits) are not bound by it
    expect(nodeOrderErrors([n("CONSTRUCTION_PERMIT", "2024-08-01")], "2024-09")).toEqual({});
  });
});

describe("投产 before 开工", () => {
  it("is refused with both months named; the same month is fine", () => {
    expect(productionBeforeStart("2024-09", "2024-08")).toBe("实际投产月份（2024年8月）不能早于实际开工月份（2024年9月）");
    expect(productionBeforeStart("2024-09", "2024-09")).toBeNull();
    expect(productionBeforeStart("2024-09", null)).toBeNull();
    expect(productionBeforeStart(null, "2024-09")).toBe("项目尚未填写实际开工月份，不能先填写实际投产月份");
  });
});

describe("入库 warning (已开工未入库)", () => {
  const config = warningConfig({});
  const base: WarningInput = {
    startDeadline: "2024-04-30",
    actualStartMonth: "2024-03",
    totalInvestment: "100000",
    referenceMonth: "2024-03",
    history: [],
    overdueOpenIssues: 0,
    statsEnteredMonth: null,
  };
  // the project reported every month (its figure is the reference month's): no 未报 warning
  const reported = (input: WarningInput): WarningInput => ({ carried: { month: input.referenceMonth, actual: "0" }, ...input });
  const run = (over: Partial<WarningInput>) => evaluateWarning(reported({ ...base, ...over }), config);

  it("nothing in the start month; yellow one month after; red from two months after", () => {
    expect(run({ referenceMonth: "2024-03" }).level).toBe("green");
    expect(run({ referenceMonth: "2024-04" }).level).toBe("yellow");
    expect(run({ referenceMonth: "2024-04" }).reasons[0]).toBe("2024年3月开工，已1个月未入库（纳统）");
    expect(run({ referenceMonth: "2024-05" }).level).toBe("red");
    expect(run({ referenceMonth: "2024-05" }).reasons[0]).toBe("2024年3月开工，已2个月未入库（纳统）");
    expect(run({ referenceMonth: "2025-01" }).reasons[0]).toBe("2024年3月开工，已10个月未入库（纳统）");
  });
  it("entered in or before the reference month: no warning; entered later: still warned as of then", () => {
    expect(run({ referenceMonth: "2024-05", statsEnteredMonth: "2024-05" }).level).toBe("green");
    expect(run({ referenceMonth: "2024-05", statsEnteredMonth: "2024-04" }).level).toBe("green");
    expect(run({ referenceMonth: "2024-05", statsEnteredMonth: "2024-06" }).level).toBe("red");
  });
  it("only projects of 500万元 or more are due", () => {
    expect(run({ referenceMonth: "2024-05", totalInvestment: "499.99" }).level).toBe("green");
    expect(run({ referenceMonth: "2024-05", totalInvestment: "500" }).level).toBe("red");
  });
  it("not started: no 入库 warning (the start rule speaks instead)", () => {
    expect(run({ actualStartMonth: null, referenceMonth: "2024-04" }).level).toBe("green");
    expect(run({ actualStartMonth: "2024-06", referenceMonth: "2024-05", startDeadline: "2024-06-30" }).level).toBe("green");
  });
  it("not applied when the caller gives no 入库 facts", () => {
    const { statsEnteredMonth: _, ...withoutStats } = base;
    expect(evaluateWarning(reported({ ...withoutStats, referenceMonth: "2024-08" }), config).level).toBe("green");
  });
  it("thresholds from WARNING_STATS_YELLOW_MONTHS / WARNING_STATS_RED_MONTHS", () => {
    const c = warningConfig({ WARNING_STATS_YELLOW_MONTHS: "2", WARNING_STATS_RED_MONTHS: "3" });
    expect(evaluateWarning(reported({ ...base, referenceMonth: "2024-04" }), c).level).toBe("green");
    expect(evaluateWarning(reported({ ...base, referenceMonth: "2024-05" }), c).level).toBe("yellow");
    expect(evaluateWarning(reported({ ...base, referenceMonth: "2024-06" }), c).level).toBe("red");
    expect(() => warningConfig({ WARNING_STATS_YELLOW_MONTHS: "3", WARNING_STATS_RED_MONTHS: "2" })).toThrow("WARNING_STATS_YELLOW_MONTHS 不能大于 WARNING_STATS_RED_MONTHS");
    expect(() => warningConfig({ WARNING_STATS_RED_MONTHS: "0" })).toThrow("WARNING_STATS_RED_MONTHS 必须是 1 到 120 之间的整数（月），而不是「0」");
  });
  it("months between and the started-not-entered fact", () => {
    expect(monthsBetween("2023-12", "2024-01")).toBe(1);
    expect(monthsBetween("2024-03", "2024-03")).toBe(0);
    const p = { totalInvestment: "600", actualStartMonth: "2024-03", statsEnteredMonth: null };
    expect(monthsStartedNotEntered(p, "2024-03")).toBe(0);
    expect(startedNotEntered(p, "2024-02")).toBe(false);
    expect(startedNotEntered({ ...p, statsEnteredMonth: "2024-04" }, "2024-03")).toBe(true);
    expect(startedNotEntered({ ...p, statsEnteredMonth: "2024-04" }, "2024-04")).toBe(false);
  });
});
