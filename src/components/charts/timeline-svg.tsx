// Cumulative planned vs actual investment by month, drawn on the server: no client JavaScript, so
// summary pages load and respond fast on phones. Amounts arrive as exact decimal strings in 亿元
// and become numbers only for plotting; the data table beside the chart carries the exact figures.
//
// Readable at any width: the box has a fixed height (240 px on a phone, 288 px wider) and only the
// lines stretch with the width (an SVG drawn in a 1000 × 1000 box without keeping its proportions,
// strokes kept at their width); axis labels and the latest value are HTML text in CSS pixels, so
// they stay 12 px on a phone instead of shrinking with the picture. On a narrow chart (a container
// under 28rem) the month labels are thinned to every other month, counted back from the latest.
export type TimelineSvgDatum = {
  month: string;
  label: string;
  planned: string | null;
  actual: string | null;
  /** the actual amount as the reader reads it ("3.21亿元"), shown beside the latest point */
  actualText?: string;
};

/** The amount axis: 0 up to at least `max` in at most 5 round steps (1, 2, 2.5 or 5 × a power of ten). */
export function amountTicks(max: number): number[] {
  if (!(max > 0)) return [0, 0.25, 0.5, 0.75, 1];
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10]) {
    const step = m * p;
    const n = Math.ceil(max / step - 1e-9);
    if (n <= 5) return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(6)));
  }
  return [0, 10 * p];
}

/** Month labels kept on a narrow chart: at most `fit`, evenly spaced, always the latest. */
export function thinnedMonthLabels(count: number, fit = 6): boolean[] {
  const step = Math.max(1, Math.ceil(count / fit));
  return Array.from({ length: count }, (_, i) => (count - 1 - i) % step === 0);
}

const S = 1000; // the drawing's coordinate box

export function TimelineSvg({ data, title }: { data: TimelineSvgDatum[]; title: string }) {
  const values = data
    .flatMap((d) => [d.planned, d.actual])
    .filter((v): v is string => v !== null)
    .map(Number);
  const ticks = amountTicks(Math.max(0, ...values));
  const top = ticks[ticks.length - 1];
  const n = Math.max(1, data.length - 1);
  // positions as fractions of the plot area (0 = left / top, 1 = right / bottom)
  const fx = (i: number) => (data.length === 1 ? 0.5 : i / n);
  const fy = (v: number) => 1 - v / top;
  const line = (key: "planned" | "actual") =>
    data
      .map((d, i) => (d[key] === null ? null : `${(fx(i) * S).toFixed(1)},${(fy(Number(d[key])) * S).toFixed(1)}`))
      .filter((p): p is string => p !== null)
      .join(" ");
  const lastIndex = data.findLastIndex((d) => d.actual !== null);
  const last = lastIndex >= 0 ? data[lastIndex] : null;
  const shown = thinnedMonthLabels(data.length);
  const pct = (f: number) => `${(f * 100).toFixed(2)}%`;
  return (
    <figure className="@container w-full min-w-0">
      <div
        role="img"
        aria-label={`${title}${last ? `：截至${last.label}实际累计${last.actualText ?? `${last.actual}亿元`}` : ""}`}
        className="relative h-60 text-xs text-slate-600 sm:h-72"
        data-testid="chart-box"
      >
        {/* the plot area; labels sit outside it: the amounts on the left, the months below */}
        <div className="absolute top-3 right-5 bottom-7 left-12" aria-hidden>
          <svg viewBox={`0 0 ${S} ${S}`} preserveAspectRatio="none" className="absolute inset-0 h-full w-full overflow-visible">
            <g stroke="#e2e8f0" strokeDasharray="3 3">
              {ticks.map((t) => (
                <line key={t} x1={0} x2={S} y1={fy(t) * S} y2={fy(t) * S} vectorEffect="non-scaling-stroke" />
              ))}
            </g>
            <polyline points={line("planned")} fill="none" stroke="#64748b" strokeWidth="1.5" strokeDasharray="6 3" vectorEffect="non-scaling-stroke" />
            <polyline points={line("actual")} fill="none" stroke="#2563eb" strokeWidth="2.5" vectorEffect="non-scaling-stroke" />
          </svg>
          {ticks.map((t) => (
            <span key={t} className="chart-tick absolute right-full mr-1.5 -translate-y-1/2 whitespace-nowrap" style={{ top: pct(fy(t)) }}>
              {Number(t.toPrecision(3))}亿
            </span>
          ))}
          {data.map((d, i) => (
            <span
              key={d.month}
              className={`chart-tick absolute top-full mt-1.5 -translate-x-1/2 whitespace-nowrap ${shown[i] ? "" : "@max-md:hidden"}`}
              style={{ left: pct(fx(i)) }}
            >
              {d.label}
            </span>
          ))}
          {last && (
            <>
              <span
                className="absolute size-2 -translate-x-1/2 -translate-y-1/2 rounded-full bg-blue-600 ring-2 ring-white"
                style={{ left: pct(fx(lastIndex)), top: pct(fy(Number(last.actual))) }}
              />
              <span
                className={`absolute rounded bg-white/85 px-1 text-[13px] font-semibold whitespace-nowrap text-blue-800 ${fx(lastIndex) > 0.75 ? "-translate-x-full" : "-translate-x-1/2"} ${fy(Number(last.actual)) < 0.15 ? "translate-y-2" : "-translate-y-[calc(100%+6px)]"}`}
                style={{ left: pct(fx(lastIndex)), top: pct(fy(Number(last.actual))) }}
                data-testid="chart-latest"
              >
                {last.label} {last.actualText ?? `${last.actual}亿元`}
              </span>
            </>
          )}
        </div>
      </div>
      <figcaption className="mt-1 flex justify-center gap-4 text-xs text-slate-600">
        <span>
          <span aria-hidden className="mr-1 inline-block h-0.5 w-4 bg-blue-600 align-middle" />
          实际累计完成
        </span>
        <span>
          <span aria-hidden className="mr-1 inline-block w-4 border-t-2 border-dashed border-slate-500 align-middle" />
          计划累计投资
        </span>
      </figcaption>
    </figure>
  );
}
