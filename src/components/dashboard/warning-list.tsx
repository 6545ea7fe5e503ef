import Link from "next/link";
import { DemoBadge, EmptyState, WarningBadges } from "@/components/common/badges";
import type { YearProjectItem } from "@/server/projects/queries";

const ORDER = { red: 0, yellow: 1, green: 2 } as const;

/** The projects that need attention: red first, then yellow, then stale green ones. */
export function WarningList({ items, testId = "warning-list" }: { items: YearProjectItem[]; testId?: string }) {
  const attention = items
    .filter((p) => p.warning.level !== "green" || p.warning.stale)
    .sort((a, b) => ORDER[a.warning.level] - ORDER[b.warning.level]);
  if (attention.length === 0) return <EmptyState>没有需要关注的项目：全部为绿色（正常）。</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100" data-testid={testId}>
      {attention.map((p) => (
        <li key={p.id} className="py-2" data-testid={`warning-${p.code}`}>
          <div className="flex flex-wrap items-center gap-2">
            <WarningBadges warning={p.warning} />
            <Link href={`/projects/${encodeURIComponent(p.code)}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">
              {p.name}
            </Link>
            {p.isDemo && <DemoBadge />}
            <span className="text-xs text-slate-500">{p.parkName}</span>
          </div>
          <ul className="mt-1 list-disc pl-6 text-sm text-slate-700">
            {p.warning.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
