// What a page shows while its data is read: grey blocks in the shape of what is coming (the title,
// cards, a chart, a table, a document), so nothing jumps when the figures arrive and the reader
// never faces a blank area. The one skeleton of the app: every route's loading.tsx uses
// PageSkeleton, every streamed section's <Suspense> fallback SectionSkeleton.

import { ScrollToHashWhenLoaded } from "./hash-after-load";

export type SkeletonKind = "dashboard" | "detail" | "list" | "document" | "form";

function Bar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-slate-200 ${className}`} />;
}

function TableRows({ rows }: { rows: number }) {
  return (
    <div className="space-y-2">
      <Bar className="h-8 w-full" />
      {Array.from({ length: rows }, (_, i) => (
        <Bar key={i} className="h-6 w-full opacity-70" />
      ))}
    </div>
  );
}

/** A section still loading, in the shape of what it will hold: `chart` keeps the chart's height. */
/** A chart's card, then a table's card of `rows` rows (the dashboard and a detail page). */
function ChartAndTable({ rows }: { rows: number }) {
  return (
    <>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <Bar className="mb-3 h-5 w-1/3" />
        <Bar className="h-60 w-full sm:h-72" />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <TableRows rows={rows} />
      </div>
    </>
  );
}

export function SectionSkeleton({ label, shape = "table" }: { label: string; shape?: "table" | "chart" | "text" }) {
  return (
    <div role="status" aria-busy="true" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="skeleton">
      <p className="mb-3 text-sm text-slate-500">正在加载{label}…</p>
      <div aria-hidden>
        {shape === "chart" && <Bar className="h-60 w-full sm:h-72" />}
        {shape === "table" && <TableRows rows={4} />}
        {shape === "text" && (
          <div className="space-y-2">
            <Bar className="h-4 w-full" />
            <Bar className="h-4 w-11/12" />
            <Bar className="h-4 w-4/5" />
          </div>
        )}
      </div>
    </div>
  );
}

/** A whole page still loading (a route's loading.tsx), laid out as the page will be. */
export function PageSkeleton({ what, kind }: { what: string; kind: SkeletonKind }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="space-y-6" data-testid="skeleton">
      <ScrollToHashWhenLoaded />
      <div className="space-y-2">
        <p className="text-sm text-slate-600">正在读取{what}…</p>
        <Bar className="h-8 w-2/3 max-w-md" />
        {kind !== "form" && <Bar className="h-4 w-1/2 max-w-sm opacity-70" />}
      </div>
      <div aria-hidden className="space-y-6">
        {kind === "dashboard" && (
          <>
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              {[0, 1, 2, 3].map((i) => (
                <Bar key={i} className="h-24 rounded-lg" />
              ))}
            </div>
            <ChartAndTable rows={5} />
          </>
        )}
        {kind === "detail" && (
          <>
            <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
              {Array.from({ length: 8 }, (_, i) => (
                <Bar key={i} className="h-5 w-full opacity-80" />
              ))}
            </div>
            <ChartAndTable rows={4} />
          </>
        )}
        {kind === "list" && (
          <>
            <div className="flex flex-wrap gap-2">
              {[0, 1, 2, 3].map((i) => (
                <Bar key={i} className="h-9 w-32" />
              ))}
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <TableRows rows={10} />
            </div>
          </>
        )}
        {kind === "document" && (
          <>
            <div className="flex flex-wrap gap-2">
              <Bar className="h-9 w-28" />
              <Bar className="h-9 w-36" />
            </div>
            <div className="mx-auto max-w-3xl space-y-3 rounded border border-slate-200 bg-white p-6 sm:p-10">
              <Bar className="mx-auto mb-6 h-7 w-3/4" />
              {Array.from({ length: 14 }, (_, i) => (
                <Bar key={i} className={`h-4 ${i % 5 === 4 ? "w-2/3" : "w-full"} opacity-80`} />
              ))}
            </div>
          </>
        )}
        {kind === "form" && (
          <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
            {Array.from({ length: 6 }, (_, i) => (
              <div key={i} className="space-y-1">
                <Bar className="h-4 w-24" />
                <Bar className="h-9 w-full max-w-md opacity-80" />
              </div>
            ))}
            <Bar className="h-10 w-28" />
          </div>
        )}
      </div>
    </div>
  );
}
