"use client";
// Completion rate bars (e.g. by county park or industry); a click drills to the projects behind
// a bar. The same links are in the table under the chart, for keyboards and screen readers.
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";

export type RateDatum = { key: string; label: string; rate: string | null; href: string };

export function RateBarChart({ data, title }: { data: RateDatum[]; title: string }) {
  const router = useRouter();
  const points = data.map((d) => ({ ...d, value: d.rate === null ? 0 : Number(d.rate) }));
  const height = Math.max(120, points.length * 36 + 40);
  return (
    <figure aria-label={title} className="w-full min-w-0">
      <BarChart responsive layout="vertical" style={{ width: "100%", height }} data={points} margin={{ top: 4, right: 48, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" unit="%" tick={{ fontSize: 12 }} domain={[0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]} />
        <YAxis type="category" dataKey="label" width={96} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(_v, _n, item) => [item.payload.rate === null ? "—" : `${item.payload.rate}%`, "完成率"]} />
        <Bar dataKey="value" name="完成率" isAnimationActive={false} cursor="pointer" onClick={(d) => router.push((d.payload as RateDatum).href)}>
          {points.map((p) => (
            <Cell key={p.key} fill="#2563eb" />
          ))}
          <LabelList dataKey="rate" position="right" formatter={(v) => (v === null || v === undefined ? "—" : `${v}%`)} style={{ fontSize: 12 }} />
        </Bar>
      </BarChart>
    </figure>
  );
}
