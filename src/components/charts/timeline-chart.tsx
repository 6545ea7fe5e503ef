"use client";
// Cumulative planned vs actual investment by month. Draws what the server computed: amounts
// arrive as exact decimal strings in 亿元 and are turned into numbers only for plotting.
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

export type TimelineDatum = { month: string; label: string; planned: string | null; actual: string | null };

export function TimelineChart({ data, title }: { data: TimelineDatum[]; title: string }) {
  const points = data.map((d) => ({
    label: d.label,
    planned: d.planned === null ? null : Number(d.planned),
    actual: d.actual === null ? null : Number(d.actual),
    plannedText: d.planned,
    actualText: d.actual,
  }));
  return (
    <figure aria-label={title} className="w-full min-w-0">
      <LineChart responsive style={{ width: "100%", height: 280 }} data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis tick={{ fontSize: 12 }} width={48} unit="亿" />
        <Tooltip
          formatter={(_value, name, item) => {
            const text = name === "计划累计投资" ? item.payload.plannedText : item.payload.actualText;
            return [text === null ? "—" : `${text}亿元`, name];
          }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line type="monotone" dataKey="planned" name="计划累计投资" stroke="#64748b" strokeDasharray="6 3" connectNulls dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="actual" name="实际累计完成" stroke="#2563eb" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </figure>
  );
}
