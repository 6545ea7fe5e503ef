// The pure rules of src/domain at their edges, in the unit suite (the mutation run covers
// src/domain with the unit tests only; tests/integration/rules.test.ts pins each TypeScript
// twin to its SQL on both engines).
import { describe, expect, it } from "vitest";
import { dayToDate } from "@/lib/month";
import { byDeadline, deadlineMonth } from "@/domain/deadlines";
import { DEFAULT_ISSUE_ESCALATION_DAYS, isEscalated, isOverdue } from "@/domain/overdue";
import { NODE_KINDS, NODE_STATE_LABEL, nodeAncestors, nodeDueSoonDays, nodeOrderErrors, nodeReached, type NodeDates } from "@/domain/nodes";
import { warningConfig } from "@/domain/warning-config";
import { evaluateWarning, type WarningInput } from "@/domain/warnings";

describe("按期: the deadline's month", () => {
  it("is the month of a date or of its text", () => {
    expect(deadlineMonth("2024-04-30")).toBe("2024-04");
    expect(deadlineMonth(dayToDate("2024-04-30"))).toBe("2024-04");
    expect(byDeadline("2024-04", dayToDate("2024-04-30"))).toBe(true);
    expect(byDeadline("2024-05", dayToDate("2024-04-30"))).toBe(false);
  });
});

describe("overdue and escalated", () => {
  const today = "2024-06-15";
  const issue = (status: "OPEN" | "IN_PROGRESS" | "FEEDBACK" | "CLOSED", due: string | null) => ({ status, dueDate: due ? dayToDate(due) : null });
  it("overdue: not closed, due before today", () => {
    expect(isOverdue(issue("OPEN", "2024-06-14"), today)).toBe(true);
    expect(isOverdue(issue("IN_PROGRESS", "2024-01-01"), today)).toBe(true);
    expect(isOverdue(issue("OPEN", "2024-06-15"), today)).toBe(false);
    expect(isOverdue(issue("OPEN", "2024-06-16"), today)).toBe(false);
    expect(isOverdue(issue("CLOSED", "2024-01-01"), today)).toBe(false);
    expect(isOverdue(issue("OPEN", null), today)).toBe(false);
  });
  it("escalated: overdue by more than the days configured", () => {
    expect(isEscalated(issue("IN_PROGRESS", "2024-06-08"), today, 7)).toBe(false);
    expect(isEscalated(issue("IN_PROGRESS", "2024-06-07"), today, 7)).toBe(true);
    expect(isEscalated(issue("FEEDBACK", "2024-06-07"), today, 8)).toBe(false);
    expect(isEscalated(issue("OPEN", "2024-06-14"), today, 0)).toBe(true);
    expect(isEscalated(issue("OPEN", "2024-06-15"), today, 0)).toBe(false);
    expect(isEscalated(issue("IN_PROGRESS", "2024-05-31"), today, 14)).toBe(true);
    expect(isEscalated(issue("IN_PROGRESS", "2024-06-01"), today, 14)).toBe(false);
    expect(isEscalated(issue("CLOSED", "2024-01-01"), today, 7)).toBe(false);
    expect(isEscalated(issue("OPEN", null), today, 7)).toBe(false);
    expect(DEFAULT_ISSUE_ESCALATION_DAYS).toBe(7);
  });
});

describe("nodes", () => {
  it("the labels of the states", () => {
    expect(NODE_STATE_LABEL).toEqual({ done: "已完成", "due-soon": "临期", overdue: "超期", pending: "未到期" });
  });
  it("NODE_DUE_SOON_DAYS up to 365", () => {
    expect(nodeDueSoonDays({ NODE_DUE_SOON_DAYS: "365" })).toBe(365);
    expect(() => nodeDueSoonDays({ NODE_DUE_SOON_DAYS: "366" })).toThrow("NODE_DUE_SOON_DAYS");
  });
  it("only 开工, 投产 and 入库 are reached by the project's own month, each by its own", () => {
    const facts = { actualStartMonth: "2024-03", actualProductionMonth: null, statsEnteredMonth: "2024-05" };
    expect(nodeReached({ kind: "START", actual: null }, facts)).toBe(true);
    expect(nodeReached({ kind: "PRODUCTION", actual: null }, facts)).toBe(false);
    expect(nodeReached({ kind: "STATS_ENTRY", actual: null }, facts)).toBe(true);
    expect(nodeReached({ kind: "LAND", actual: null }, facts)).toBe(false);
    expect(nodeReached({ kind: "STATS_ENTRY", actual: null }, { ...facts, statsEnteredMonth: null })).toBe(false);
  });
  it("what each node may not precede", () => {
    expect(Object.fromEntries(NODE_KINDS.map((k) => [k, nodeAncestors(k)]))).toEqual({
      LAND: [],
      PLANNING_PERMIT: ["LAND"],
      CONSTRUCTION_PERMIT: ["LAND", "PLANNING_PERMIT"],
      START: ["LAND", "PLANNING_PERMIT", "CONSTRUCTION_PERMIT"],
      MAIN_STRUCTURE: ["LAND", "PLANNING_PERMIT", "CONSTRUCTION_PERMIT", "START"],
      EQUIPMENT: ["LAND", "PLANNING_PERMIT", "CONSTRUCTION_PERMIT", "START", "MAIN_STRUCTURE"],
      PRODUCTION: ["LAND", "PLANNING_PERMIT", "CONSTRUCTION_PERMIT", "START", "MAIN_STRUCTURE", "EQUIPMENT"],
      STATS_ENTRY: ["LAND", "PLANNING_PERMIT", "CONSTRUCTION_PERMIT", "START"],
      COMPLETION: ["LAND", "PLANNING_PERMIT", "CONSTRUCTION_PERMIT", "START", "MAIN_STRUCTURE"],
      FULL_PRODUCTION: ["LAND", "PLANNING_PERMIT", "CONSTRUCTION_PERMIT", "START", "MAIN_STRUCTURE", "EQUIPMENT", "PRODUCTION"],
    });
  });
  it("nodes without a date are skipped; planned dates are not held against the actual start month", () => {
    const nodes: NodeDates[] = [
      { kind: "START", planned: "2024-02-01", actual: null },
      { kind: "MAIN_STRUCTURE", planned: "2024-02-15", actual: null },
      { kind: "EQUIPMENT", planned: null, actual: "2024-04-02" },
    ];
    expect(nodeOrderErrors(nodes, "2024-03")).toEqual({});
    expect(nodeOrderErrors([{ kind: "EQUIPMENT", planned: null, actual: "2024-02-28" }], "2024-03")).toEqual({
      actual_EQUIPMENT: ["实际日期不能早于项目实际开工月份（2024年3月）"],
    });
  });
});

describe("warning configuration: whole months from 1 to 120", () => {
  it("reads, trims and bounds the 入库 months", () => {
    expect(warningConfig({ WARNING_STATS_YELLOW_MONTHS: " 12 ", WARNING_STATS_RED_MONTHS: "120" })).toMatchObject({ statsYellowMonths: 12, statsRedMonths: 120 });
    expect(warningConfig({ WARNING_STATS_YELLOW_MONTHS: "1", WARNING_STATS_RED_MONTHS: "1" })).toMatchObject({ statsYellowMonths: 1, statsRedMonths: 1 });
    expect(warningConfig({ WARNING_STATS_YELLOW_MONTHS: "  ", WARNING_STATS_RED_MONTHS: "" })).toMatchObject({ statsYellowMonths: 1, statsRedMonths: 2 });
    for (const bad of ["0", "121", "3a", "a3", "1.5"]) {
      expect(() => warningConfig({ WARNING_STATS_YELLOW_MONTHS: bad })).toThrow(`WARNING_STATS_YELLOW_MONTHS 必须是 1 到 120 之间的整数（月），而不是「${bad}」`);
    }
    expect(() => warningConfig({ WARNING_STATS_YELLOW_MONTHS: "3" })).toThrow("WARNING_STATS_YELLOW_MONTHS 不能大于 WARNING_STATS_RED_MONTHS");
  });
});

describe("三色预警 on an unordered or partial history", () => {
  const base: WarningInput = {
    startDeadline: "2024-04-30",
    actualStartMonth: "2024-03",
    totalInvestment: "100000",
    referenceMonth: "2024-11",
    history: [],
    overdueOpenIssues: 0,
  };
  it("a month after the reference month does not count; the history's order does not matter", () => {
    const w = evaluateWarning(
      {
        ...base,
        history: [
          { month: "2024-12", planned: "60000", actual: "60000" },
          { month: "2024-11", planned: "50000", actual: null },
          { month: "2024-10", planned: "40000", actual: "39000" },
        ],
      },
      warningConfig({}),
    );
    // November is 未报: October's 39000 against November's plan (11 points), and one silent month
    expect([w.stale, w.level, w.lagPoints]).toEqual([true, "yellow", "11.0"]);
  });
  it("the newest report counts as the latest whatever the order given", () => {
    const w = evaluateWarning(
      {
        ...base,
        history: [
          { month: "2024-11", planned: "50000", actual: "49000" },
          { month: "2024-10", planned: "40000", actual: "39000" },
        ],
      },
      warningConfig({}),
    );
    expect([w.level, w.stale, w.lagPoints]).toEqual(["green", false, "1.0"]);
  });
  it("an earlier month with a plan and no report is neither red nor an error", () => {
    const w = evaluateWarning(
      {
        ...base,
        history: [
          { month: "2024-10", planned: "90000", actual: null },
          { month: "2024-11", planned: "50000", actual: "49000" },
        ],
      },
      warningConfig({}),
    );
    expect([w.level, w.stale, w.reasons]).toEqual(["green", false, []]);
  });
});
