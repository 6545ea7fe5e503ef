// 节点计划 (node plans) and 入库/纳统, pure rules shared by the server, the pages and the tests,
// each beside its SQL twin (for counts and lists evaluated in the database at read time; the
// state depends on today's date, passed in, so tests inject the clock):
//   - a node's state (已完成 / 临期 / 超期 / 未到期): nodeState / nodeStateSql, nodeAttentionSql
//   - 入库: projects of 500万元 or more are due for the statistics; 已开工未入库 as of a month:
//     startedNotEntered / startedNotEnteredSql
// The typical nodes and their order are ./node-order.ts (re-exported here).
// tests/integration/rules.test.ts pins each SQL fragment to its TypeScript twin.
import { Prisma } from "@/generated/prisma/client";
import { dec, type DecimalLike } from "@/lib/money";

export * from "./node-order";

// ---- 临期 / 超期 ----------------------------------------------------------------------------

export type NodeState = "done" | "due-soon" | "overdue" | "pending";

export const NODE_STATE_LABEL: Record<NodeState, string> = { done: "已完成", "due-soon": "临期", overdue: "超期", pending: "未到期" };

export const DEFAULT_NODE_DUE_SOON_DAYS = 7;

/** Days before its planned date a node is 临期 (NODE_DUE_SOON_DAYS, default 7; 0–365). */
export function nodeDueSoonDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.NODE_DUE_SOON_DAYS?.trim();
  if (!raw) return DEFAULT_NODE_DUE_SOON_DAYS;
  const n = Number(raw);
  if (!/^[0-9]+$/.test(raw) || n > 365) throw new Error(`NODE_DUE_SOON_DAYS 必须是 0 到 365 之间的整数（天），而不是「${raw}」`);
  return n;
}

/** "YYYY-MM-DD" plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The project facts that also mark a node reached (entered once, in the monthly report or 入库). */
export type NodeProjectFacts = { actualStartMonth: string | null; actualProductionMonth: string | null; statsEnteredMonth: string | null };

/**
 * Is the node reached? It has an actual date — or it is 开工 / 投产 / 入库 and the project already
 * records its start / production / 入库 month (each figure entered once: no second entry asked for).
 */
export function nodeReached(node: { kind: string; actual: string | null }, project: NodeProjectFacts): boolean {
  if (node.actual) return true;
  if (node.kind === "START") return project.actualStartMonth !== null;
  if (node.kind === "PRODUCTION") return project.actualProductionMonth !== null;
  if (node.kind === "STATS_ENTRY") return project.statsEnteredMonth !== null;
  return false;
}

/**
 * A node's state on business date `today`: 已完成 once reached (nodeReached); otherwise 超期 when
 * its planned date is before today, 临期 from `dueSoonDays` days before it up to and including
 * the planned day itself, else 未到期 (also without a planned date).
 */
export function nodeState(node: { kind: string; planned: string | null; actual: string | null }, project: NodeProjectFacts, today: string, dueSoonDays: number): NodeState {
  if (nodeReached(node, project)) return "done";
  // Stryker disable next-line ConditionalExpression: null compares false with both dates below, so a node without a planned date is 未到期 either way
  if (!node.planned) return "pending";
  if (node.planned < today) return "overdue";
  if (node.planned <= addDays(today, dueSoonDays)) return "due-soon";
  return "pending";
}

/** Whole days from `today` to the planned date (negative: overdue by that many days). */
export function daysUntil(planned: string, today: string): number {
  return Math.round((Date.parse(`${planned}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

// ---- SQL twins of the node state ---------------------------------------------------------------

const ident = (alias: string) => Prisma.raw(`"${alias.replace(/"/g, "")}"`);

/** SQL twin of nodeReached() for the milestone row `m` of the project row `p`. */
export function nodeReachedSql(m = "m", p = "p"): Prisma.Sql {
  const a = ident(m);
  const b = ident(p);
  return Prisma.sql`(${a}."actualDate" IS NOT NULL
    OR (${a}.kind::text = 'START' AND ${b}."actualStartMonth" IS NOT NULL)
    OR (${a}.kind::text = 'PRODUCTION' AND ${b}."actualProductionMonth" IS NOT NULL)
    OR (${a}.kind::text = 'STATS_ENTRY' AND ${b}."statsEnteredMonth" IS NOT NULL))`;
}

/** SQL twin of nodeState(): 'done' | 'due-soon' | 'overdue' | 'pending'. */
export function nodeStateSql(today: string, dueSoonDays: number, m = "m", p = "p"): Prisma.Sql {
  const a = ident(m);
  return Prisma.sql`(CASE
    WHEN ${nodeReachedSql(m, p)} THEN 'done'
    WHEN ${a}."plannedDate" IS NULL THEN 'pending'
    WHEN ${a}."plannedDate" < ${today}::date THEN 'overdue'
    WHEN ${a}."plannedDate" <= ${today}::date + ${dueSoonDays}::int THEN 'due-soon'
    ELSE 'pending' END)`;
}

/** SQL: is the node 超期 or 临期 on `today` (the to-do rows; the date test can use the plannedDate index)? */
export function nodeAttentionSql(today: string, dueSoonDays: number, m = "m", p = "p"): Prisma.Sql {
  const a = ident(m);
  return Prisma.sql`(${a}."plannedDate" IS NOT NULL AND ${a}."plannedDate" <= ${today}::date + ${dueSoonDays}::int AND NOT ${nodeReachedSql(m, p)})`;
}

// ---- 入库/纳统 -------------------------------------------------------------------------------
// Which projects are due to enter the fixed-asset investment statistics, and the 已开工未入库
// rule the warnings (./warnings.ts) and the counts use.

/** Projects with a planned total investment of 500万元 or more are entered (conventions, 入库/纳统). */
export const STATS_ENTRY_MIN_INVESTMENT = "500";

export type StatsEntryFacts = {
  /** 总投资, 万元 */
  totalInvestment: DecimalLike;
  actualStartMonth: string | null;
  /** the month it entered the statistics (入库), or null */
  statsEnteredMonth: string | null;
};

/** Whole months from `from` to `to` ("YYYY-MM"; negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

export function isDueForStatsEntry(totalInvestment: DecimalLike): boolean {
  return dec(totalInvestment).greaterThanOrEqualTo(STATS_ENTRY_MIN_INVESTMENT);
}

/**
 * 已开工未入库 as of `month`: due for 入库, started in or before `month`, and not entered in or
 * before `month`. Returns the whole months since the start month, or null when the rule does not apply.
 */
export function monthsStartedNotEntered(p: StatsEntryFacts, month: string): number | null {
  if (!isDueForStatsEntry(p.totalInvestment)) return null;
  if (p.actualStartMonth === null || p.actualStartMonth > month) return null;
  // Stryker disable next-line ConditionalExpression: null <= "YYYY-MM" is false in JavaScript too; the check is for the reader and the type
  if (p.statsEnteredMonth !== null && p.statsEnteredMonth <= month) return null;
  return monthsBetween(p.actualStartMonth, month);
}

export function startedNotEntered(p: StatsEntryFacts, month: string): boolean {
  return monthsStartedNotEntered(p, month) !== null;
}

/** SQL: is the project row `alias` due for 入库, started in or before `month` and not entered by then? */
export function startedNotEnteredSql(month: string, alias = "p"): Prisma.Sql {
  const p = ident(alias);
  return Prisma.sql`(${p}."totalInvestment" >= ${STATS_ENTRY_MIN_INVESTMENT}::numeric
    AND ${p}."actualStartMonth" IS NOT NULL AND ${p}."actualStartMonth" <= ${month}
    AND (${p}."statsEnteredMonth" IS NULL OR ${p}."statsEnteredMonth" > ${month}))`;
}
