// The one place that decides who may do what. Every server action and route handler asks
// here (through assertCan / the action wrapper); hiding a button is never the check.
import type { Actor } from "./actor";

export type Permission =
  /** enter, save, submit or correct a project's monthly report */
  | { action: "report.write"; projectParkId: number }
  /** approve or return submitted monthly reports */
  | { action: "report.review" }
  /** raise or update an issue about a project or park */
  | { action: "issue.write"; parkId: number | null }
  /** create and edit projects, plans, planned investment, milestones */
  | { action: "project.manage" }
  /** open, publish and re-open monthly reporting periods (调度期) */
  | { action: "period.manage" }
  | { action: "user.manage" }
  | { action: "audit.read" };

export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  switch (actor.role) {
    case "ADMIN":
      return true;
    case "LEADER":
      return false;
    case "COUNTY":
      switch (permission.action) {
        case "report.write":
          return actor.parkId !== null && permission.projectParkId === actor.parkId;
        case "issue.write":
          return actor.parkId !== null && permission.parkId === actor.parkId;
        default:
          return false;
      }
  }
}

export class AuthError extends Error {
  constructor(
    message: string,
    readonly kind: "unauthenticated" | "forbidden",
  ) {
    super(message);
  }
}

const FORBIDDEN_MESSAGE: Record<Permission["action"], string> = {
  "report.write": "无权填报该项目：只能填报本县区园区的项目。",
  "report.review": "只有园区管理员可以审核月度调度。",
  "issue.write": "无权修改该问题：只能处理本县区园区的问题。",
  "project.manage": "只有园区管理员可以管理项目和计划。",
  "period.manage": "只有园区管理员可以开放、发布或重新开放调度期。",
  "user.manage": "只有园区管理员可以管理用户。",
  "audit.read": "只有园区管理员可以查看操作日志。",
};

export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AuthError("请先登录。", "unauthenticated");
  if (!can(actor, permission)) throw new AuthError(FORBIDDEN_MESSAGE[permission.action], "forbidden");
}
