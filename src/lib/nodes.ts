// 节点计划 (node plans): the typical nodes of a project, their order, and a node's state
// (已完成 / 临期 / 超期 / 未到期) — pure rules shared by the server, the pages and the tests.
// The state's SQL twin (for counts and lists) is src/server/nodes/state.ts;
// tests/integration/rules.test.ts pins the two together.
import { formatMonth } from "./month";
import { MILESTONE_KIND_LABEL } from "./labels";

/** The typical nodes, in plan order (conventions: 土地摘牌 … 竣工). */
export const NODE_KINDS = [
  "LAND",
  "PLANNING_PERMIT",
  "CONSTRUCTION_PERMIT",
  "START",
  "MAIN_STRUCTURE",
  "EQUIPMENT",
  "PRODUCTION",
  "STATS_ENTRY",
  "COMPLETION",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const NODE_KIND_LABEL: Record<NodeKind | "OTHER", string> = MILESTONE_KIND_LABEL;

/**
 * Which nodes a node cannot precede (directly; the rule follows the chain). Not a strict line:
 * 入库 follows 开工 but may come before or after 主体完工; 竣工 follows 主体完工 but not
 * necessarily 投产.
 */
export const NODE_PREDECESSORS: Record<NodeKind, readonly NodeKind[]> = {
  LAND: [],
  PLANNING_PERMIT: ["LAND"],
  CONSTRUCTION_PERMIT: ["PLANNING_PERMIT"],
  START: ["CONSTRUCTION_PERMIT"],
  MAIN_STRUCTURE: ["START"],
  EQUIPMENT: ["MAIN_STRUCTURE"],
  PRODUCTION: ["EQUIPMENT", "START"],
  STATS_ENTRY: ["START"],
  COMPLETION: ["MAIN_STRUCTURE"],
};

/** Every node `kind` must not precede (its predecessors, theirs, …). */
export function nodeAncestors(kind: NodeKind): NodeKind[] {
  const out = new Set<NodeKind>();
  const visit = (k: NodeKind) => {
    for (const p of NODE_PREDECESSORS[k]) {
      if (!out.has(p)) {
        out.add(p);
        visit(p);
      }
    }
  };
  visit(kind);
  return NODE_KINDS.filter((k) => out.has(k));
}

export type NodeDates = { kind: NodeKind; planned: string | null; actual: string | null };

/**
 * The order rule, for planned and for actual dates ("YYYY-MM-DD"): no node's date before the
 * date of a node it follows; and no actual date of a node that follows 开工 before the project's
 * actual start month. Errors are keyed `planned_<KIND>` / `actual_<KIND>`.
 */
export function nodeOrderErrors(nodes: NodeDates[], actualStartMonth: string | null): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const byKind = new Map(nodes.map((n) => [n.kind, n]));
  for (const side of ["planned", "actual"] as const) {
    for (const node of nodes) {
      const date = node[side];
      if (!date) continue;
      const key = `${side}_${node.kind}`;
      const ancestors = nodeAncestors(node.kind);
      // the nearest ancestor (latest in plan order) whose date is later
      const blocking = ancestors
        .map((k) => byKind.get(k))
        .filter((a): a is NodeDates => !!a && !!a[side] && a[side]! > date)
        .at(-1);
      if (blocking) {
        errors[key] = [`${side === "planned" ? "计划" : "实际"}日期不能早于「${NODE_KIND_LABEL[blocking.kind]}」的${side === "planned" ? "计划" : "实际"}日期（${blocking[side]}）`];
      } else if (side === "actual" && actualStartMonth && ancestors.includes("START") && date.slice(0, 7) < actualStartMonth) {
        errors[key] = [`实际日期不能早于项目实际开工月份（${formatMonth(actualStartMonth)}）`];
      }
    }
  }
  return errors;
}

/**
 * 投产 before 开工: the one message for the project form, the monthly report and the nodes.
 * `start`/`production` are months "YYYY-MM"; null when the pair is consistent (or incomplete).
 */
export function productionBeforeStart(start: string | null, production: string | null): string | null {
  if (!production) return null;
  if (!start) return "项目尚未填写实际开工月份，不能先填写实际投产月份";
  if (production < start) return `实际投产月份（${formatMonth(production)}）不能早于实际开工月份（${formatMonth(start)}）`;
  return null;
}

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
export function nodeState(
  node: { kind: string; planned: string | null; actual: string | null },
  project: NodeProjectFacts,
  today: string,
  dueSoonDays: number,
): NodeState {
  if (nodeReached(node, project)) return "done";
  if (!node.planned) return "pending";
  if (node.planned < today) return "overdue";
  if (node.planned <= addDays(today, dueSoonDays)) return "due-soon";
  return "pending";
}

/** Whole days from `today` to the planned date (negative: overdue by that many days). */
export function daysUntil(planned: string, today: string): number {
  return Math.round((Date.parse(`${planned}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
