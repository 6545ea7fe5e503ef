// The 督办 loop (issue loop), written once: which step may follow which status, what status it
// leads to, and which permission (src/server/auth/permissions.ts) the actor needs for it.
//
//   OPEN 待交办 ──交办──▶ ASSIGNED 待签收 ──签收──▶ IN_PROGRESS 办理中 ──反馈──▶ FEEDBACK 待复核 ──复核通过──▶ CLOSED 已办结
//                                                   ▲   └─办理 (progress note)        │
//                                                   └────────────── 退回重办 ─────────┘
//
// 交办 may be adjusted (unit, 包保领导, 时限) while ASSIGNED or IN_PROGRESS; an issue nobody has
// acknowledged yet (OPEN, ASSIGNED) may be closed directly by the office (直接办结). Every service
// function of src/server/issues asks `nextStatus`; the pages ask `availableSteps` for their forms.
// Pure: no database, no clock. Overdue and escalation (已升级督办) are src/domain/overdue.ts.
import type { IssueStatus } from "@/generated/prisma/enums";

export type IssueLoopAction = "assign" | "acknowledge" | "progress" | "feedback" | "accept" | "return" | "close";
export type IssueLoopPermission = "issue.assign" | "issue.handle" | "issue.verify";

type Step = { label: string; permission: IssueLoopPermission; from: Partial<Record<IssueStatus, IssueStatus>> };

export const ISSUE_LOOP: Record<IssueLoopAction, Step> = {
  assign: { label: "交办", permission: "issue.assign", from: { OPEN: "ASSIGNED", ASSIGNED: "ASSIGNED", IN_PROGRESS: "IN_PROGRESS" } },
  acknowledge: { label: "签收", permission: "issue.handle", from: { ASSIGNED: "IN_PROGRESS" } },
  progress: { label: "办理", permission: "issue.handle", from: { IN_PROGRESS: "IN_PROGRESS" } },
  feedback: { label: "反馈", permission: "issue.handle", from: { IN_PROGRESS: "FEEDBACK" } },
  accept: { label: "复核通过", permission: "issue.verify", from: { FEEDBACK: "CLOSED" } },
  return: { label: "退回重办", permission: "issue.verify", from: { FEEDBACK: "IN_PROGRESS" } },
  close: { label: "直接办结", permission: "issue.assign", from: { OPEN: "CLOSED", ASSIGNED: "CLOSED" } },
};

export const ISSUE_LOOP_ACTIONS = Object.keys(ISSUE_LOOP) as IssueLoopAction[];

/** The status `action` leads to from `status`, or null when the step is not allowed there. */
export function nextStatus(status: IssueStatus, action: IssueLoopAction): IssueStatus | null {
  return ISSUE_LOOP[action].from[status] ?? null;
}

/** The steps allowed from `status`, in loop order (whoever may take them). */
export function availableSteps(status: IssueStatus): IssueLoopAction[] {
  return ISSUE_LOOP_ACTIONS.filter((a) => nextStatus(status, a) !== null);
}

/**
 * The name of a recorded step (an IssueUpdate) as the 办理过程 shows it: the step's label, 调整交办
 * for a 交办 after the first; null for rows recorded before the loop (their text says it all).
 */
export function stepLabel(update: { action: string | null; fromStatus: IssueStatus | null }): string | null {
  if (!update.action || !Object.hasOwn(ISSUE_LOOP, update.action)) return null;
  if (update.action === "assign" && update.fromStatus !== null && update.fromStatus !== "OPEN") return "调整交办";
  return ISSUE_LOOP[update.action as IssueLoopAction].label;
}

/** Why a step is refused in a status, in Chinese. */
export function stepRefusal(status: IssueStatus, action: IssueLoopAction, statusLabel: string): string {
  const step = ISSUE_LOOP[action].label;
  if (status === "CLOSED") return `该问题已办结，不能再${step}。`;
  return `该问题当前为「${statusLabel}」，不能${step}。`;
}
