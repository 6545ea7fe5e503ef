// The one place that decides who may do what: a declarative table of actions and the roles
// that hold them, with their reach. Every server action and service (assertCan), every page
// (requirePermission), the header's menu and the data functions that scope by park (parkScope)
// ask here; hiding a button is never the check. Reading needs only a sign-in: leaders read
// everything and hold no action.
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "./actor";

/** "all": any record; "own-park": only the records of the account's own county park. */
export type Reach = "all" | "own-park";

export const ROLE_PERMISSIONS = {
  /** enter, save, submit or correct a project's monthly report */
  "report.write": { ADMIN: "all", COUNTY: "own-park" },
  /** import a monthly 调度表 from Excel (rows of the reach's projects only) and download its template */
  "report.import": { ADMIN: "all", COUNTY: "own-park" },
  /** approve or return submitted monthly reports */
  "report.review": { ADMIN: "all" },
  /** raise or update an issue about a project or park */
  "issue.write": { ADMIN: "all", COUNTY: "own-park" },
  /** create and edit projects, plans, planned investment, milestones */
  "project.manage": { ADMIN: "all" },
  /** open, publish and re-open monthly reporting periods (调度期) */
  "period.manage": { ADMIN: "all" },
  /** create accounts, change roles and parks, deactivate, reset passwords */
  "user.manage": { ADMIN: "all" },
  /** read the audit log */
  "audit.read": { ADMIN: "all" },
} as const satisfies Record<string, Partial<Record<Role, Reach>>>;

export type Action = keyof typeof ROLE_PERMISSIONS;

/** The record acted on: its county park (null: the whole park, no county park). */
export type Target = { parkId: number | null };

/** The same question as an object (kept for callers that pass one). */
export type Permission =
  | { action: "report.write"; projectParkId: number }
  | { action: "issue.write"; parkId: number | null }
  | { action: Exclude<Action, "report.write" | "issue.write"> };

function normalize(permission: Action | Permission, target?: Target): { action: Action; target?: Target } {
  if (typeof permission === "string") return { action: permission, target };
  if ("projectParkId" in permission) return { action: permission.action, target: { parkId: permission.projectParkId } };
  if ("parkId" in permission) return { action: permission.action, target: { parkId: permission.parkId } };
  return { action: permission.action, target };
}

function reachOf(actor: Actor, action: Action): Reach | undefined {
  return (ROLE_PERMISSIONS[action] as Partial<Record<Role, Reach>>)[actor.role];
}

/**
 * May `actor` do `action` — on `target` when given, else on at least some record (an account
 * with "own-park" reach must be bound to a county park)?
 */
export function can(actor: Actor | null, permission: Action | Permission, target?: Target): boolean {
  if (!actor) return false;
  const q = normalize(permission, target);
  const reach = reachOf(actor, q.action);
  if (reach === "all") return true;
  if (reach !== "own-park" || actor.parkId === null) return false;
  return q.target === undefined || q.target.parkId === actor.parkId;
}

/**
 * The county parks whose records `actor` may act on for `action`: null for all of them, a park
 * id for one, undefined for none — for data functions that list what an actor works on.
 */
export function parkScope(actor: Actor | null, action: Action): number | null | undefined {
  if (!actor) return undefined;
  const reach = reachOf(actor, action);
  if (reach === "all") return null;
  if (reach === "own-park" && actor.parkId !== null) return actor.parkId;
  return undefined;
}

export class AuthError extends Error {
  constructor(
    message: string,
    readonly kind: "unauthenticated" | "forbidden",
  ) {
    super(message);
  }
}

const FORBIDDEN_MESSAGE: Record<Action, string> = {
  "report.write": "无权填报该项目：只能填报本县区园区的项目。",
  "report.import": "无权导入该县区园区的调度表：只能导入本县区园区的项目。",
  "report.review": "只有园区管理员可以审核月度调度。",
  "issue.write": "无权修改该问题：只能处理本县区园区的问题。",
  "project.manage": "只有园区管理员可以管理项目和计划。",
  "period.manage": "只有园区管理员可以开放、发布或重新开放调度期。",
  "user.manage": "只有园区管理员可以管理用户。",
  "audit.read": "只有园区管理员可以查看操作日志。",
};

export function assertCan(actor: Actor | null, permission: Action | Permission, target?: Target): asserts actor is Actor {
  if (!actor) throw new AuthError("请先登录。", "unauthenticated");
  if (!can(actor, permission, target)) throw new AuthError(FORBIDDEN_MESSAGE[normalize(permission).action], "forbidden");
}
