// The 督办 transition table, completely: every status × every step, who may take each step, and
// the escalation setting.
import { describe, expect, it } from "vitest";
import { ISSUE_LOOP, ISSUE_LOOP_ACTIONS, availableSteps, nextStatus, stepLabel, stepRefusal, type IssueLoopAction } from "@/domain/issue-loop";
import { issueEscalationDays } from "@/domain/overdue";
import { ISSUE_STATUS_LABEL } from "@/lib/labels";
import { can } from "@/server/auth/permissions";
import type { Actor } from "@/server/auth/actor";

type S = keyof typeof ISSUE_STATUS_LABEL;
const STATUSES = Object.keys(ISSUE_STATUS_LABEL) as S[];

// the whole table as the issue describes it; "—" = refused
const TABLE: Record<S, Record<IssueLoopAction, S | "—">> = {
  OPEN: { assign: "ASSIGNED", acknowledge: "—", progress: "—", feedback: "—", accept: "—", return: "—", close: "CLOSED" },
  ASSIGNED: { assign: "ASSIGNED", acknowledge: "IN_PROGRESS", progress: "—", feedback: "—", accept: "—", return: "—", close: "CLOSED" },
  IN_PROGRESS: { assign: "IN_PROGRESS", acknowledge: "—", progress: "IN_PROGRESS", feedback: "FEEDBACK", accept: "—", return: "—", close: "—" },
  FEEDBACK: { assign: "—", acknowledge: "—", progress: "—", feedback: "—", accept: "CLOSED", return: "IN_PROGRESS", close: "—" },
  CLOSED: { assign: "—", acknowledge: "—", progress: "—", feedback: "—", accept: "—", return: "—", close: "—" },
};

describe("the 督办 transition table", () => {
  it("has every status and every step", () => {
    expect(STATUSES).toEqual(["OPEN", "ASSIGNED", "IN_PROGRESS", "FEEDBACK", "CLOSED"]);
    expect(ISSUE_LOOP_ACTIONS).toEqual(["assign", "acknowledge", "progress", "feedback", "accept", "return", "close"]);
  });

  for (const status of STATUSES) {
    for (const action of ISSUE_LOOP_ACTIONS) {
      const want = TABLE[status][action];
      it(`${status} × ${action} → ${want}`, () => {
        expect(nextStatus(status, action)).toBe(want === "—" ? null : want);
      });
    }
  }

  it("availableSteps lists exactly the allowed steps of each status, in loop order", () => {
    expect(availableSteps("OPEN")).toEqual(["assign", "close"]);
    expect(availableSteps("ASSIGNED")).toEqual(["assign", "acknowledge", "close"]);
    expect(availableSteps("IN_PROGRESS")).toEqual(["assign", "progress", "feedback"]);
    expect(availableSteps("FEEDBACK")).toEqual(["accept", "return"]);
    expect(availableSteps("CLOSED")).toEqual([]);
  });

  it("the loop reaches 已办结 only through 复核 once acknowledged", () => {
    const path: IssueLoopAction[] = ["assign", "acknowledge", "progress", "feedback", "return", "feedback", "accept"];
    let s: S = "OPEN";
    const seen: S[] = [];
    for (const a of path) {
      s = nextStatus(s, a)!;
      seen.push(s);
    }
    expect(seen).toEqual(["ASSIGNED", "IN_PROGRESS", "IN_PROGRESS", "FEEDBACK", "IN_PROGRESS", "FEEDBACK", "CLOSED"]);
    for (const after of ["IN_PROGRESS", "FEEDBACK"] as const) expect(nextStatus(after, "close")).toBeNull();
  });

  it("a recorded step is named by its action; a later 交办 is 调整交办; rows from before the loop have none", () => {
    expect(stepLabel({ action: "assign", fromStatus: "OPEN" })).toBe("交办");
    expect(stepLabel({ action: "assign", fromStatus: null })).toBe("交办");
    expect(stepLabel({ action: "assign", fromStatus: "ASSIGNED" })).toBe("调整交办");
    expect(stepLabel({ action: "assign", fromStatus: "IN_PROGRESS" })).toBe("调整交办");
    expect(stepLabel({ action: "return", fromStatus: "FEEDBACK" })).toBe("退回重办");
    expect(stepLabel({ action: null, fromStatus: "OPEN" })).toBeNull();
    expect(stepLabel({ action: "unknown", fromStatus: "OPEN" })).toBeNull();
    expect(stepLabel({ action: "toString", fromStatus: "OPEN" })).toBeNull();
  });

  it("refusals say in Chinese why", () => {
    expect(stepRefusal("CLOSED", "progress", "已办结")).toBe("该问题已办结，不能再办理。");
    expect(stepRefusal("ASSIGNED", "feedback", "待签收")).toBe("该问题当前为「待签收」，不能反馈。");
    expect(stepRefusal("FEEDBACK", "acknowledge", "待复核")).toBe("该问题当前为「待复核」，不能签收。");
  });
});

describe("who takes each step", () => {
  const actor = (role: Actor["role"], parkId: number | null = null): Actor => ({ id: 1, username: "u", displayName: "u", role, parkId });
  const admin = actor("ADMIN");
  const leader = actor("LEADER");
  const county1 = actor("COUNTY", 1);
  const may = (a: Actor, action: IssueLoopAction, parkId: number | null) => can(a, ISSUE_LOOP[action].permission, { parkId });

  it("the office hands out, verifies and closes; the county park's account acknowledges, works and reports its own issues", () => {
    const rows = ISSUE_LOOP_ACTIONS.map((a) => [a, may(admin, a, 1), may(county1, a, 1), may(county1, a, 2), may(leader, a, 1)]);
    expect(rows).toEqual([
      ["assign", true, false, false, false],
      ["acknowledge", false, true, false, false],
      ["progress", false, true, false, false],
      ["feedback", false, true, false, false],
      ["accept", true, false, false, false],
      ["return", true, false, false, false],
      ["close", true, false, false, false],
    ]);
  });

  it("the whole park's own issues (no county park) are handled by the office", () => {
    const rows = ISSUE_LOOP_ACTIONS.map((a) => [a, may(admin, a, null), may(county1, a, null)]);
    expect(rows).toEqual([
      ["assign", true, false],
      ["acknowledge", true, false],
      ["progress", true, false],
      ["feedback", true, false],
      ["accept", true, false],
      ["return", true, false],
      ["close", true, false],
    ]);
  });
});

describe("ISSUE_ESCALATION_DAYS", () => {
  it("defaults to 7 and takes whole days from the environment", () => {
    expect(issueEscalationDays({})).toBe(7);
    expect(issueEscalationDays({ ISSUE_ESCALATION_DAYS: "" })).toBe(7);
    expect(issueEscalationDays({ ISSUE_ESCALATION_DAYS: " 14 " })).toBe(14);
    expect(issueEscalationDays({ ISSUE_ESCALATION_DAYS: "0" })).toBe(0);
  });
  it.each(["-1", "3.5", "七", "1e3", "99999"])("refuses %s with a Chinese message", (v) => {
    expect(() => issueEscalationDays({ ISSUE_ESCALATION_DAYS: v })).toThrow("ISSUE_ESCALATION_DAYS 必须是不小于0的整数");
  });
});

describe("the 督办 steps' names", () => {
  it("are the office's words", () => {
    expect(ISSUE_LOOP_ACTIONS.map((a) => ISSUE_LOOP[a].label)).toEqual(["交办", "签收", "办理", "反馈", "复核通过", "退回重办", "直接办结"]);
  });
});
