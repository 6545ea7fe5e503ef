import type { WarningLevel as DbWarningLevel } from "@/generated/prisma/enums";
import { WarningBadge } from "@/components/common/badges";
import { formatMonth } from "@/lib/month";
import type { WarningLevel } from "@/lib/warnings";

const LEVEL: Record<DbWarningLevel, WarningLevel> = { RED: "red", YELLOW: "yellow", GREEN: "green" };

/** A published figure's colour, and 未报 with the month its carried figure is from. */
export function FigureWarningBadges({ level, missing, figureMonth }: { level: DbWarningLevel; missing: boolean; figureMonth: string | null }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <WarningBadge level={LEVEL[level]} />
      {missing && (
        <span className="inline-block whitespace-nowrap rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700 ring-1 ring-slate-300" data-stale>
          未报{figureMonth ? `（${formatMonth(figureMonth)}数）` : "（无数据）"}
        </span>
      )}
    </span>
  );
}
