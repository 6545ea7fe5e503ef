import Link from "next/link";
import type { FigureRow } from "@/server/figures/queries";
import { DemoBadge } from "@/components/common/badges";
import { FigureBadges } from "./figure-badges";

/** Published projects with their colour and the reasons for it (the 三色预警 lists). */
export function WarningItems({ rows, testId, showPark = false }: { rows: FigureRow[]; testId: string; showPark?: boolean }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid={testId}>
      {rows.map((p) => (
        <li key={p.projectId} className="py-2" data-testid={`warning-${p.code}`}>
          <div className="flex flex-wrap items-center gap-2">
            <FigureBadges level={p.warningLevel} missing={p.missing} figureMonth={p.figureMonth} />
            <Link href={`/projects/${encodeURIComponent(p.code)}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">
              {p.name}
            </Link>
            {p.isDemo && <DemoBadge />}
            {showPark && <span className="text-xs text-slate-500">{p.parkName}</span>}
          </div>
          {p.warningReasons.length > 0 && <p className="mt-1 text-sm text-slate-700">{p.warningReasons.join("；")}</p>}
        </li>
      ))}
    </ul>
  );
}
