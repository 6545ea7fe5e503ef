// Where an issue stands in the 督办 loop: 交办 → 签收 → 办理 → 反馈 → 复核 → 办结.
import type { IssueStatus } from "@/generated/prisma/enums";

const STEPS = ["交办", "签收", "办理", "反馈", "复核", "办结"] as const;
/** how many steps are done in each status */
const DONE: Record<IssueStatus, number> = { OPEN: 0, ASSIGNED: 1, IN_PROGRESS: 2, FEEDBACK: 4, CLOSED: 6 };

export function IssueLoopSteps({ status }: { status: IssueStatus }) {
  const done = DONE[status];
  return (
    <ol className="flex flex-wrap items-center gap-x-1 gap-y-1 text-xs" aria-label="督办流程" data-testid="loop-steps">
      {STEPS.map((s, k) => (
        <li key={s} className="flex items-center gap-1">
          <span
            className={`whitespace-nowrap rounded-full px-2 py-0.5 ${k < done ? "bg-emerald-100 text-emerald-800" : k === done ? "bg-sky-700 text-white" : "bg-slate-100 text-slate-500"}`}
            aria-current={k === done ? "step" : undefined}
          >
            {s}
          </span>
          {k < STEPS.length - 1 && (
            <span aria-hidden className="text-slate-400">
              →
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
