// Cumulative planned vs actual investment by month, drawn on the server as plain SVG: no client
// JavaScript, so summary pages load and respond fast on phones. Amounts arrive as exact decimal
// strings in 亿元 and become numbers only for plotting; the table under the chart (or the linked
// page) carries the exact figures.
export type TimelineSvgDatum = { month: string; label: string; planned: string | null; actual: string | null };

const W = 640;
const H = 240;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

/** A round axis maximum at or above `max` (1, 2, 2.5 or 5 × a power of ten). */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

export function TimelineSvg({ data, title }: { data: TimelineSvgDatum[]; title: string }) {
  const values = data
    .flatMap((d) => [d.planned, d.actual])
    .filter((v): v is string => v !== null)
    .map(Number);
  const top = niceMax(Math.max(0, ...values));
  const n = Math.max(1, data.length - 1);
  const x = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * i) / n;
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top);
  const line = (key: "planned" | "actual") =>
    data
      .map((d, i) => (d[key] === null ? null : `${x(i).toFixed(1)},${y(Number(d[key])).toFixed(1)}`))
      .filter((p): p is string => p !== null)
      .join(" ");
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const last = [...data].reverse().find((d) => d.actual !== null);
  return (
    <figure className="w-full min-w-0">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={`${title}${last ? `：截至${last.label}实际累计${last.actual}亿元` : ""}`}>
        <g stroke="#e2e8f0" strokeDasharray="3 3">
          {ticks.map((t) => (
            <line key={t} x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
          ))}
        </g>
        <g fontSize="11" fill="#64748b">
          {ticks.map((t) => (
            <text key={t} x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
              {Number(t.toPrecision(3))}亿
            </text>
          ))}
          {data.map((d, i) => (
            <text key={d.month} x={x(i)} y={H - 8} textAnchor="middle">
              {d.label}
            </text>
          ))}
        </g>
        <polyline points={line("planned")} fill="none" stroke="#64748b" strokeWidth="1.5" strokeDasharray="6 3" />
        <polyline points={line("actual")} fill="none" stroke="#2563eb" strokeWidth="2.5" />
      </svg>
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
