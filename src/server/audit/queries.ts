// The audit log, filtered and paged in SQL, for /admin/audit and its CSV export: filters by
// person, action, entity and date range; sign-ins (login*) in their own view, and what
// administrators did to accounts and to the log itself (user.*, login.unlock, audit.*) in another. Rows come back in
// people's words (src/server/audit/labels.ts): names of users, projects, reports and issues.
import "server-only";
import { Prisma, type AuditLog } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { startOfDay } from "@/lib/month";
import { param, type RawSearchParams } from "@/lib/search-params";
import { AUDIT_ACTIONS, auditActionLabel } from "./names";
import { AUDIT_ENTITY_LABEL, auditActorLabel, auditDiff, auditEntityLabel, auditIpLabel, auditSubjectLabel, type AuditContext, type DiffRow } from "./labels";

export const AUDIT_PAGE_SIZE = 30;
/** The most rows one CSV export holds; a longer list is cut there with a note. */
export const AUDIT_EXPORT_LIMIT = 10_000;
const EXPORT_BATCH = 1_000;

/** The sign-in actions: shown in their own view, not in the main list. */
export const LOGIN_ACTIONS = Object.keys(AUDIT_ACTIONS).filter((a) => a === "login" || a.startsWith("login."));

/** Administrators' actions on accounts and on the log itself: the 账号与日志管理 view, for auditors. */
export const ACCOUNT_ACTIONS = Object.keys(AUDIT_ACTIONS).filter((a) => a.startsWith("user.") || a.startsWith("audit.") || a === "login.unlock");

export type AuditView = "changes" | "logins" | "accounts";

/** Each view's name: the page's tabs, the exports' titles and file names. */
export const AUDIT_VIEW_LABEL: Record<AuditView, string> = { changes: "数据修改", logins: "登录记录", accounts: "账号与日志管理" };

/** An export's file name stem: 操作日志, or 操作日志-登录记录 / 操作日志-账号与日志管理 for the other views. */
export function auditExportStem(view: AuditView): string {
  return view === "changes" ? "操作日志" : `操作日志-${AUDIT_VIEW_LABEL[view]}`;
}

/** The actions a view lists. */
function viewActions(view: AuditView): string[] {
  if (view === "logins") return LOGIN_ACTIONS;
  if (view === "accounts") return ACCOUNT_ACTIONS;
  return Object.keys(AUDIT_ACTIONS).filter((a) => !LOGIN_ACTIONS.includes(a));
}

/** The actions offered in a view's 操作 filter. */
export function auditViewActions(view: AuditView): Array<[string, string]> {
  const names = viewActions(view);
  return Object.entries(AUDIT_ACTIONS).filter(([k]) => names.includes(k));
}
export type AuditFilters = {
  view: AuditView;
  /** the recorded username (or "system") */
  user?: string;
  /** an action name from AUDIT_ACTIONS */
  action?: string;
  /** an entity name from AUDIT_ENTITY_LABEL */
  entity?: string;
  /** calendar days YYYY-MM-DD in the business time zone, both inclusive */
  from?: string;
  to?: string;
  page: number;
};

const DAY = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** The filters from the URL: anything unknown or malformed is ignored, never an error. */
export function parseAuditFilters(sp: RawSearchParams): AuditFilters {
  const v = param(sp, "view");
  const view: AuditView = v === "logins" || v === "accounts" ? v : "changes";
  const action = param(sp, "action");
  const entity = param(sp, "entity");
  const user = param(sp, "user");
  const day = (name: string) => {
    const v = param(sp, name);
    return v && DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined;
  };
  const page = param(sp, "page");
  const actionOk = action && action in AUDIT_ACTIONS && viewActions(view).includes(action);
  return {
    view,
    user: user && user.length <= 60 ? user : undefined,
    action: actionOk ? action : undefined,
    entity: entity && entity in AUDIT_ENTITY_LABEL ? entity : undefined,
    from: day("from"),
    to: day("to"),
    page: page && /^[0-9]{1,6}$/.test(page) ? Math.max(1, Number(page)) : 1,
  };
}

/** The query string of a filter set (page left out unless given). */
export function auditQuery(f: AuditFilters, page?: number): string {
  const q = new URLSearchParams();
  if (f.view !== "changes") q.set("view", f.view);
  for (const k of ["user", "action", "entity", "from", "to"] as const) if (f[k]) q.set(k, f[k]!);
  if (page && page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export { startOfDay };

function whereOf(f: AuditFilters): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (f.view === "logins") and.push({ action: { in: LOGIN_ACTIONS } });
  else if (f.view === "accounts") and.push({ action: { in: ACCOUNT_ACTIONS } });
  else and.push({ action: { notIn: LOGIN_ACTIONS } });
  if (f.action) and.push({ action: f.action });
  if (f.entity) and.push({ entity: f.entity });
  if (f.user) and.push({ actor: f.user });
  if (f.from) and.push({ createdAt: { gte: startOfDay(f.from) } });
  if (f.to) {
    const next = new Date(`${f.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    and.push({ createdAt: { lt: startOfDay(next.toISOString().slice(0, 10)) } });
  }
  return { AND: and };
}

export type AuditRow = {
  id: string;
  createdAt: Date;
  action: string;
  actionLabel: string;
  entity: string;
  entityLabel: string;
  subject: string;
  actor: string;
  actorLabel: string;
  ip: string;
  /** nothing recorded before (a creation, a block): the diff's "after" is simply what was recorded */
  created: boolean;
  diff: DiffRow[];
};

/** Names for the rows: who acted, which user/report/issue/project each is about, parks and projects by id. */
async function describe(prisma: Db, rows: AuditLog[]): Promise<AuditRow[]> {
  const ids = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && /^[0-9]{1,9}$/.test(r.entityId)).map((r) => Number(r.entityId)))];
  const userIds = [...new Set([...rows.map((r) => r.userId).filter((x): x is number => x !== null), ...ids("User")])];
  // login.unlock names the account by its username
  const usernames = [...new Set(rows.filter((r) => r.entity === "User" && !/^[0-9]{1,9}$/.test(r.entityId)).map((r) => r.entityId))];
  const users =
    userIds.length || usernames.length
      ? await prisma.user.findMany({ where: { OR: [{ id: { in: userIds } }, { username: { in: usernames } }] }, select: { id: true, username: true, displayName: true } })
      : [];
  const reportIds = ids("MonthlyReport");
  const reports = reportIds.length
    ? await prisma.monthlyReport.findMany({ where: { id: { in: reportIds } }, select: { id: true, month: true, project: { select: { code: true, name: true } } } })
    : [];
  const issueIds = ids("Issue");
  const issues = issueIds.length ? await prisma.issue.findMany({ where: { id: { in: issueIds } }, select: { id: true, title: true } }) : [];
  const codes = [...new Set(rows.filter((r) => r.entity === "Project").map((r) => r.entityId))];
  const projectIds = [
    ...new Set(
      rows
        .flatMap((r) => [r.before, r.after])
        .map((v) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>).projectId : null))
        .filter((x): x is number => typeof x === "number"),
    ),
  ];
  const projects =
    codes.length || projectIds.length
      ? await prisma.project.findMany({ where: { OR: [{ code: { in: codes } }, { id: { in: projectIds } }] }, select: { id: true, code: true, name: true } })
      : [];
  const parks = await prisma.park.findMany({ select: { id: true, name: true } });
  // revisions and publications are recorded by id: shown as 第N版 and 2024年11月第N次发布
  const idsIn = (fields: string[]) => [
    ...new Set(
      rows
        .flatMap((r) => [r.before, r.after])
        .flatMap((v) => (v && typeof v === "object" && !Array.isArray(v) ? fields.map((f) => (v as Record<string, unknown>)[f]) : []))
        .filter((x): x is number => typeof x === "number" && Number.isSafeInteger(x)),
    ),
  ];
  const revisionIds = idsIn(["currentRevisionId", "approvedRevisionId"]);
  const publicationIds = idsIn(["currentPublicationId", "publicationId"]);
  // one statement for both, whatever the page holds
  const numbered =
    revisionIds.length || publicationIds.length
      ? await prisma.$queryRaw<Array<{ kind: "r" | "p"; id: number; no: number; month: string | null }>>(Prisma.sql`
          SELECT 'r' AS kind, r.id, r."revisionNo" AS no, NULL::text AS month FROM "MonthlyReportRevision" r WHERE r.id = ANY(${revisionIds}::int[])
          UNION ALL
          SELECT 'p' AS kind, pub.id, pub."publicationNo" AS no, rp.month::text FROM "PeriodPublication" pub JOIN "ReportingPeriod" rp ON rp.id = pub."periodId"
           WHERE pub.id = ANY(${publicationIds}::int[])`)
      : [];
  const ctx: AuditContext = {
    parks: new Map(parks.map((p) => [p.id, p.name])),
    projects: new Map(projects.map((p) => [p.id, `${p.code} ${p.name}`])),
    revisions: new Map(numbered.filter((n) => n.kind === "r").map((n) => [n.id, n.no])),
    publications: new Map(numbered.filter((n) => n.kind === "p").map((n) => [n.id, { month: n.month!, publicationNo: n.no }])),
  };
  const userById = new Map(users.map((u) => [u.id, u]));
  const nameOf = (r: AuditLog): string | null => {
    const n = Number(r.entityId);
    switch (r.entity) {
      case "User": {
        const u = /^[0-9]{1,9}$/.test(r.entityId) ? userById.get(n) : users.find((x) => x.username === r.entityId);
        return u ? auditActorLabel(u.username, u) : null;
      }
      case "MonthlyReport": {
        const rep = reports.find((x) => x.id === n);
        return rep ? `${rep.project.code} ${rep.project.name} ${rep.month.replace(/^([0-9]{4})-0?([0-9]+)$/, "$1年$2月")}` : null;
      }
      case "Issue":
        return issues.find((x) => x.id === n)?.title ?? null;
      case "Project":
        return projects.find((p) => p.code === r.entityId)?.name ?? null;
      case "LoginAttempt":
        return r.entityId;
      default:
        return null;
    }
  };
  return rows.map((r) => ({
    id: r.id.toString(),
    createdAt: r.createdAt,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    entity: r.entity,
    entityLabel: auditEntityLabel(r.entity),
    subject: auditSubjectLabel(r.entity, r.entityId, nameOf(r)),
    actor: r.actor,
    actorLabel: auditActorLabel(r.actor, r.userId !== null ? userById.get(r.userId) : null),
    ip: auditIpLabel(r.ip),
    created: r.before === null,
    diff: auditDiff(r.entity, r.before, r.after, ctx),
  }));
}

export async function listAudit(prisma: Db, f: AuditFilters) {
  const where = whereOf(f);
  // one query at a time: the embedded database serves few connections
  const total = await prisma.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  // a page past the end shows the last one
  const page = Math.min(Math.max(1, Math.trunc(f.page) || 1), pages);
  const rows = await prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE });
  return { rows: await describe(prisma, rows), total, page, pages };
}

/** The people who appear in the log, for the person filter: username → shown name. */
export async function auditPeople(prisma: Db): Promise<Array<{ value: string; label: string }>> {
  // SELECT DISTINCT in SQL: Prisma's `distinct` would fetch every row of the log
  const actors = await prisma.$queryRaw<Array<{ actor: string }>>(Prisma.sql`SELECT DISTINCT actor FROM "AuditLog" ORDER BY actor`);
  const users = await prisma.user.findMany({ where: { username: { in: actors.map((a) => a.actor) } }, select: { username: true, displayName: true } });
  return actors.map(({ actor }) => ({
    value: actor,
    label: auditActorLabel(
      actor,
      users.find((u) => u.username === actor),
    ),
  }));
}

/**
 * The filtered list for export, newest first, in batches of EXPORT_BATCH rows (by id, so a
 * batch never reads the whole table), at most AUDIT_EXPORT_LIMIT rows in all.
 */
export async function* exportAudit(prisma: Db, f: AuditFilters): AsyncGenerator<AuditRow[]> {
  const where = whereOf(f);
  let cursor: bigint | null = null;
  let sent = 0;
  while (sent < AUDIT_EXPORT_LIMIT) {
    const take: number = Math.min(EXPORT_BATCH, AUDIT_EXPORT_LIMIT - sent);
    const batch: AuditLog[] = await prisma.auditLog.findMany({
      where: cursor === null ? where : { AND: [where, { id: { lt: cursor } }] },
      orderBy: { id: "desc" },
      take,
    });
    if (batch.length === 0) return;
    sent += batch.length;
    cursor = batch[batch.length - 1].id;
    yield await describe(prisma, batch);
    if (batch.length < take) return;
  }
}

export async function countAudit(prisma: Db, f: AuditFilters): Promise<number> {
  return prisma.auditLog.count({ where: whereOf(f) });
}
