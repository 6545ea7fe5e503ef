import type { WarningLevel } from "@/domain/warnings";
import { WARNING_LABEL } from "@/domain/warnings";

export function DemoBadge({ className = "" }: { className?: string }) {
  return (
    <span className={`ml-1 inline-block rounded bg-violet-100 px-1 text-xs font-normal text-violet-700 ${className}`} title="虚构的演示数据，不是报告内容">
      演示数据
    </span>
  );
}

const LEVEL_STYLE: Record<WarningLevel, string> = {
  red: "bg-red-100 text-red-800 ring-red-300",
  yellow: "bg-amber-100 text-amber-900 ring-amber-300",
  green: "bg-emerald-100 text-emerald-800 ring-emerald-300",
};
const DOT: Record<WarningLevel, string> = { red: "bg-red-600", yellow: "bg-amber-500", green: "bg-emerald-600" };

export function WarningBadge({ level }: { level: WarningLevel }) {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${LEVEL_STYLE[level]}`} data-warning={level}>
      <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${DOT[level]}`} />
      {WARNING_LABEL[level]}
    </span>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{children}</p>;
}

export function Section({ title, id, children, aside }: { title: string; id: string; children: React.ReactNode; aside?: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="print-avoid-break min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {aside && <div className="text-xs text-slate-500">{aside}</div>}
      </div>
      {children}
    </section>
  );
}
