// 节点计划 (node plans): the typical nodes of a project and their order — which node may not
// come before which, for planned and actual dates — and 投产 not before 开工. Pure and without a
// SQL twin; apart from ./nodes.ts (state and 入库, with their SQL twins) because the project and
// node forms validate with it in the browser too, where the database client must not be bundled.
// ./nodes.ts re-exports all of it.
import { formatMonth } from "@/lib/month";
import { MILESTONE_KIND_LABEL } from "@/lib/labels";

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
  "FULL_PRODUCTION",
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
  FULL_PRODUCTION: ["PRODUCTION"],
};

/** Every node `kind` must not precede (its predecessors, theirs, …). */
export function nodeAncestors(kind: NodeKind): NodeKind[] {
  const out = new Set<NodeKind>();
  const visit = (k: NodeKind) => {
    for (const p of NODE_PREDECESSORS[k]) {
      // Stryker disable next-line ConditionalExpression: visiting a node twice adds nothing to the set (the table has no cycle)
      if (!out.has(p)) {
        out.add(p);
        visit(p);
      }
    }
  };
  visit(kind);
  return NODE_KINDS.filter((k) => out.has(k));
}

// Stryker disable next-line MethodExpression: "YYYY-MM-DD" < "YYYY-MM" exactly when its month is earlier; the month is compared for the reader
const monthOf = (day: string) => day.slice(0, 7);

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
        errors[key] = [
          `${side === "planned" ? "计划" : "实际"}日期不能早于「${NODE_KIND_LABEL[blocking.kind]}」的${side === "planned" ? "计划" : "实际"}日期（${blocking[side]}）`,
        ];
      } else if (side === "actual" && actualStartMonth && ancestors.includes("START") && monthOf(date) < actualStartMonth) {
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
