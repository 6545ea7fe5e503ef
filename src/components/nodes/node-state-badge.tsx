import { NODE_STATE_LABEL, daysUntil, type NodeState } from "@/domain/nodes";

const STYLE: Record<NodeState, string> = {
  done: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  "due-soon": "bg-amber-100 text-amber-900 ring-amber-300",
  overdue: "bg-red-100 text-red-800 ring-red-300",
  pending: "bg-slate-100 text-slate-700 ring-slate-200",
};

/** 已完成 / 临期（N天后） / 超期（N天） / 未到期. */
export function NodeStateBadge({ state, planned, today }: { state: NodeState; planned?: string | null; today?: string }) {
  const days = planned && today ? daysUntil(planned, today) : null;
  const detail = days === null ? "" : state === "overdue" ? `${-days}天` : state === "due-soon" ? (days === 0 ? "今天到期" : `${days}天后`) : "";
  return (
    <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${STYLE[state]}`} data-node-state={state}>
      {NODE_STATE_LABEL[state]}
      {detail && `（${detail}）`}
    </span>
  );
}

/** 责任：unit person — each name kept on one line. */
export function NodeOwners({ unit, person }: { unit: string | null; person: string | null }) {
  if (!unit && !person) return null;
  return (
    <>
      {" · 责任："}
      {unit && <span className="whitespace-nowrap">{unit}</span>}
      {unit && person && " "}
      {person && <span className="whitespace-nowrap">{person}</span>}
    </>
  );
}
