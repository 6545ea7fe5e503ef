import type { WarningLevel as DbWarningLevel } from "@/generated/prisma/client";
import { WarningBadge } from "@/components/common/badges";
import { formatMonth } from "@/lib/month";

export const LEVEL: Record<DbWarningLevel, "red" | "yellow" | "green"> = { RED: "red", YELLOW: "yellow", GREEN: "green" };

/** 未报 with the month the carried figure is from (or that the project never reported). */
export function MissingBadge({ figureMonth }: { figureMonth: string | null }) {
  return (
    <span className="inline-block whitespace-nowrap rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700 ring-1 ring-slate-300" data-missing>
      未报{figureMonth ? `（沿用${formatMonth(figureMonth)}）` : "（无数据）"}
    </span>
  );
}

/** A published figure's colour and, when the project did not report the month, 未报 with its own month. */
export function FigureBadges({ level, missing, figureMonth }: { level: DbWarningLevel; missing: boolean; figureMonth: string | null }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <WarningBadge level={LEVEL[level]} />
      {missing && <MissingBadge figureMonth={figureMonth} />}
    </span>
  );
}
