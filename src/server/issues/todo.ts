// The 督办 part of the to-do page: what an account has to act on in the issue loop, each list
// bounded to a page with its total count. A county: its park's issues awaiting 签收 or 反馈
// (办理中: report back when done). The office: issues awaiting 复核, overdue ones (escalated
// first: the oldest due dates come first), and the whole park's own issues it handles itself.
// Leaders act on nothing. One counting statement, then one statement per non-empty list.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { issueFilter, listIssues, type IssueRow, type IssueScope } from "./queries";

export type IssueTodoKey = "acknowledge" | "feedback" | "review" | "overdue";

export type IssueTodoList = {
  key: IssueTodoKey;
  title: string;
  /** what to do with them */
  hint: string;
  total: number;
  issues: IssueRow[];
  /** the full list on /issues */
  href: string;
};

export const ISSUE_TODO_PAGE_SIZE = 10;

type Want = { key: IssueTodoKey; title: string; hint: string; scope: IssueScope; href: string };

function wanted(actor: Actor | null, today: string): Want[] {
  if (!actor) return [];
  const out: Want[] = [];
  // the unit's steps: a county for its own park, the office for the whole park's own issues
  const handles = actor.role === "COUNTY" && actor.parkId !== null && can(actor, "issue.handle", { parkId: actor.parkId });
  const officeHandles = can(actor, "issue.handle", { parkId: null });
  if (handles || officeHandles) {
    const where: Partial<IssueScope> = handles ? { parkId: actor.parkId! } : { wholePark: true };
    const park = handles ? `&park=${actor.parkId}` : "";
    const whose = handles ? "本园区" : "全园区（由园区办公室办理）";
    out.push({
      key: "acknowledge",
      title: `待签收（${whose}）`,
      hint: "已交办，请签收",
      scope: { today, ...where, status: "ASSIGNED" },
      href: `/issues?year=all&status=ASSIGNED${park}`,
    });
    out.push({
      key: "feedback",
      title: `办理中，待反馈（${whose}）`,
      hint: "办结后请反馈办理结果",
      scope: { today, ...where, status: "IN_PROGRESS" },
      href: `/issues?year=all&status=IN_PROGRESS${park}`,
    });
  }
  if (can(actor, "issue.verify")) {
    out.push({ key: "review", title: "待复核", hint: "责任单位已反馈，请复核", scope: { today, status: "FEEDBACK" }, href: "/issues?year=all&status=FEEDBACK" });
  }
  if (can(actor, "issue.assign")) {
    out.push({ key: "overdue", title: "逾期未办结", hint: "已升级督办的在前", scope: { today, overdue: true }, href: "/issues?year=all&overdue=1" });
  }
  return out;
}

async function counts(prisma: Db, wants: Want[]): Promise<{ byKey: number[]; distinct: number }> {
  if (wants.length === 0) return { byKey: [], distinct: 0 };
  // every list is of issues not yet closed (a status other than 办结, or 逾期, which a closed issue
  // never is): read only those, from the index of open issues ("Issue_open_idx"), not the whole ledger
  const open = wants.every((w) => w.scope.overdue === true || (w.scope.status !== undefined && w.scope.status !== "CLOSED"));
  const filters = wants.map((w) => Prisma.sql`count(*) FILTER (WHERE ${issueFilter(w.scope)})::int`);
  const any = Prisma.join(
    wants.map((w) => Prisma.sql`(${issueFilter(w.scope)})`),
    " OR ",
  );
  const [row] = await prisma.$queryRaw<Array<{ n: number[]; distinct: number }>>(Prisma.sql`
    SELECT ARRAY[${Prisma.join(filters)}] AS n, count(*) FILTER (WHERE ${any})::int AS distinct
      FROM "Issue" i
     WHERE ${open ? Prisma.sql`i.status <> 'CLOSED'` : Prisma.sql`true`}`);
  return { byKey: row.n, distinct: row.distinct };
}

/** The issue lists `actor` has to act on, as of `today` ("YYYY-MM-DD"); empty lists are left out. */
export async function getIssueTodos(prisma: Db, actor: Actor | null, today: string): Promise<{ lists: IssueTodoList[]; total: number }> {
  const wants = wanted(actor, today);
  const { byKey, distinct } = await counts(prisma, wants);
  const lists: IssueTodoList[] = [];
  // one statement at a time: the embedded database serves few connections
  for (const [k, w] of wants.entries()) {
    if (byKey[k] === 0) continue;
    const issues = await listIssues(prisma, w.scope, { offset: 0, size: ISSUE_TODO_PAGE_SIZE });
    lists.push({ key: w.key, title: w.title, hint: w.hint, total: byKey[k], issues, href: w.href });
  }
  return { lists, total: distinct };
}

/**
 * SQL: is issue row `i` (alone, no joined table) one `actor` has to act on as of `today`? Null
 * when the account acts on no issue. For the navigation's bounded count (src/server/todo/queries.ts).
 */
export function issueTodoSql(actor: Actor | null, today: string): Prisma.Sql | null {
  const scopes = mergeStatuses(wanted(actor, today).map((w) => w.scope));
  return scopes.length === 0
    ? null
    : Prisma.join(
        scopes.map((s) => Prisma.sql`(${issueFilter(s)})`),
        " OR ",
      );
}

/**
 * Scopes that differ only in their status, as one scope with the statuses: a county's 待签收 and
 * 办理中 become "its park's issues with either status", which PostgreSQL reads from the (park,
 * status) and (project, status) indexes alone; as two OR-ed conditions it also read every open
 * issue of those statuses in the whole list (the status index) to intersect with them.
 */
export function mergeStatuses(scopes: IssueScope[]): IssueScope[] {
  const groups = new Map<string, IssueScope[]>();
  for (const s of scopes) {
    const { status, ...rest } = s;
    const key = status === undefined ? `-${groups.size}` : JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].map((g) => {
    if (g.length === 1) return g[0];
    const { status: _first, ...rest } = g[0];
    return { ...rest, statuses: g.map((s) => s.status!) };
  });
}

/** How many issues `actor` has to act on (each counted once, even when in two lists). */
export async function countIssueTodos(prisma: Db, actor: Actor | null, today: string): Promise<number> {
  return (await counts(prisma, wanted(actor, today))).distinct;
}
