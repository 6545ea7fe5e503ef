// The one place that decides who may do what: a declarative table of actions and the roles
// that hold them, with their reach. Every server action and service (assertCan), every page
// (requirePermission), the proxy's path gate (mayOpenPath), the header's menu and the data
// functions that scope by park (parkScope) ask here; hiding a button is never the check. Reading
// the project data (data.read) is for every role but the 审计员 (AUDITOR), who reads the audit log
// and nothing else; leaders read everything and hold no write.
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "./actor";

/**
 * "all": any record; "own-park": only the records of the account's own county park;
 * "park-wide": only records of the whole park (no county park), which the office itself handles.
 */
export type Reach = "all" | "own-park" | "park-wide";

export const ROLE_PERMISSIONS = {
  /** read the project data: overview, projects, parks, periods, reports, issues, documents, exports, photos */
  "data.read": { ADMIN: "all", COUNTY: "all", LEADER: "all" },
  /** enter, save, submit or correct a project's monthly report */
  "monthlyReport.write": { ADMIN: "all", COUNTY: "own-park" },
  /** take back (撤回) the own park's submitted monthly report before it is reviewed */
  "monthlyReport.withdraw": { COUNTY: "own-park" },
  /** import a monthly 调度表 from Excel (rows of the reach's projects only) and download its template */
  "monthlyReport.import": { ADMIN: "all", COUNTY: "own-park" },
  /** approve or return submitted monthly reports */
  "monthlyReport.review": { ADMIN: "all" },
  /** enter, save, submit or correct a project's benefit report (达产与效益: 产值, 税收, 新增就业, its metrics) */
  "benefit.write": { ADMIN: "all", COUNTY: "own-park" },
  /** approve or return submitted benefit reports */
  "benefit.review": { ADMIN: "all" },
  /** raise an issue about a project or park */
  "issue.write": { ADMIN: "all", COUNTY: "own-park" },
  /** 督办: hand an issue to a responsible unit (交办), adjust it, or close an issue not yet acknowledged */
  "issue.assign": { ADMIN: "all" },
  /** 督办: as the responsible unit, acknowledge (签收), record progress (办理) and report done (反馈):
   *  a county park's issues by its account, the whole park's by the office */
  "issue.handle": { COUNTY: "own-park", ADMIN: "park-wide" },
  /** 督办: verify a reported issue (复核): accept and close it, or send it back */
  "issue.verify": { ADMIN: "all" },
  /** create and edit projects, plans, planned investment, milestones */
  "project.manage": { ADMIN: "all" },
  /** open, publish and re-open monthly reporting periods (调度期) */
  "period.manage": { ADMIN: "all" },
  /** 申请更正: ask the office to re-open a published month for one of the own park's projects */
  "correction.request": { COUNTY: "own-park" },
  /** decide a 申请更正: re-open the month (period.manage's re-opening) or decline with a reply */
  "correction.decide": { ADMIN: "all" },
  /** create accounts, change roles and parks, deactivate, reset passwords */
  "user.manage": { ADMIN: "all" },
  /** read the audit log and export it (CSV, xlsx) */
  "audit.read": { ADMIN: "all", AUDITOR: "all" },
  /** record a node's actual date and evidence, the project's 入库 and its 入统数 */
  "node.record": { ADMIN: "all", COUNTY: "own-park" },
  /** the to-do page (我的待办): what is waiting for the account, within its reach */
  "todo.read": { ADMIN: "all", COUNTY: "own-park" },
  /** edit the generated report's stored text (一、(一) measures, 三、下一步工作计划) per year */
  "document.edit": { ADMIN: "all" },
  /** read a publication's 数据质量 prompts one by one, with their evidence and 核实说明 (everyone reading the data sees the counts) */
  "quality.detail": { ADMIN: "all" },
} as const satisfies Record<string, Partial<Record<Role, Reach>>>;

export type Action = keyof typeof ROLE_PERMISSIONS;

/** The record acted on: its county park (null: the whole park, no county park). */
export type Target = { parkId: number | null };

/** The same question as an object (kept for callers that pass one). */
export type Permission =
  { action: "monthlyReport.write"; projectParkId: number } | { action: "issue.write"; parkId: number | null } | { action: Exclude<Action, "monthlyReport.write" | "issue.write"> };

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
  if (reach === "park-wide") return q.target === undefined || q.target.parkId === null;
  if (reach !== "own-park" || actor.parkId === null) return false;
  return q.target === undefined || q.target.parkId === actor.parkId;
}

/**
 * The county parks whose records `actor` may act on for `action`: null for all of them, a park
 * id for one, undefined for none — for data functions that list what an actor works on.
 * ("park-wide" reach names no county park: undefined.)
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
  "data.read": "审计员只能查看操作日志，不能查看项目数据。",
  "monthlyReport.write": "无权填报该项目：只能填报本县区园区的项目。",
  "monthlyReport.withdraw": "无权撤回该报表：只能撤回本县区园区提交的报表。",
  "monthlyReport.import": "无权导入该县区园区的调度表：只能导入本县区园区的项目。",
  "monthlyReport.review": "只有园区管理员可以审核月度调度。",
  "benefit.write": "无权填报该项目的效益：只能填报本县区园区的项目。",
  "benefit.review": "只有园区管理员可以审核效益填报。",
  "issue.write": "无权修改该问题：只能处理本县区园区的问题。",
  "issue.assign": "只有园区管理员可以交办或直接办结问题。",
  "issue.handle": "无权办理该问题：只有责任县区园区的账号可以签收、办理和反馈（全园区的问题由园区办公室办理）。",
  "issue.verify": "只有园区管理员可以复核问题。",
  "project.manage": "只有园区管理员可以管理项目和计划。",
  "period.manage": "只有园区管理员可以开放、发布或重新开放调度期。",
  "correction.request": "无权申请更正该项目：只能为本县区园区的项目申请更正。",
  "correction.decide": "只有园区管理员可以处理更正申请。",
  "user.manage": "只有园区管理员可以管理用户。",
  "audit.read": "只有园区管理员和审计员可以查看操作日志。",
  "node.record": "无权登记该节点：只能登记本县区园区项目的节点和入库情况。",
  "todo.read": "我的待办只对园区管理员和县区填报员开放。",
  "document.edit": "只有园区管理员可以编辑报告文字。",
  "quality.detail": "数据质量提示的明细只对园区管理员开放；领导可在月度通报中查看各县区、各类提示的条数。",
};

/**
 * Where an account lands after signing in (and at /): its to-do page, the overview, or — for an
 * account that reads the audit log but not the project data (审计员) — the audit log.
 */
export function landingPath(actor: Actor | null): string {
  if (can(actor, "todo.read")) return "/todo";
  // Stryker disable next-line LogicalOperator,ConditionalExpression: equivalent under today's table (the only role holding audit.read and data.read also holds todo.read, answered above); the condition states the rule for a future role
  if (actor && !can(actor, "data.read") && can(actor, "audit.read")) return "/admin/audit";
  return "/";
}

/** Pages every signed-in account may open whatever it holds: its own account, the 403 page. */
export const ACCOUNT_PATHS = ["/account", "/forbidden"] as const;
/** Pages that need their own permission instead of data.read (the page checks it again). */
const PATH_PERMISSIONS: ReadonlyArray<readonly [string, Action]> = [["/admin/audit", "audit.read"]];

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * The proxy's gate for a signed-in account: may it open `pathname` at all? Every page and route
 * reads project data (data.read) unless listed above — so a page added later is closed to an
 * account without data.read until it is listed here. Pages still check their own permission.
 */
export function mayOpenPath(actor: Actor | null, pathname: string): boolean {
  if (!actor) return false;
  if (ACCOUNT_PATHS.some((p) => under(pathname, p))) return true;
  const own = PATH_PERMISSIONS.find(([p]) => under(pathname, p));
  if (own) return can(actor, own[1]);
  return can(actor, "data.read");
}

/** Why `action` is refused, in the words every refusal uses (for answers that are not thrown). */
export function refusalMessage(action: Action): string {
  return FORBIDDEN_MESSAGE[action];
}

/** The refusal while an account still has to change the password an administrator set. */
export const MUST_CHANGE_PASSWORD_MESSAGE = "请先修改初始密码：管理员设置的密码须由本人修改后才能继续操作。";

export function assertCan(actor: Actor | null, permission: Action | Permission, target?: Target): asserts actor is Actor {
  if (!actor) throw new AuthError("请先登录。", "unauthenticated");
  if (actor.mustChangePassword) throw new AuthError(MUST_CHANGE_PASSWORD_MESSAGE, "forbidden");
  if (!can(actor, permission, target)) throw new AuthError(FORBIDDEN_MESSAGE[normalize(permission).action], "forbidden");
}
