// 序时进度 and completion rates: exact decimal helpers shared by the dashboards.
import { dec, Decimal, type DecimalLike } from "./money";

/** Share of the year elapsed at the end of `month` ("YYYY-MM"), in percent: 2024-11 → 91.666…, 2024-12 → 100. */
export function scheduleProgress(month: string): Decimal {
  const m = Number(month.slice(5, 7));
  if (!(m >= 1 && m <= 12)) throw new Error(`无效月份：「${month}」`);
  return new Decimal(m).dividedBy(12).times(100);
}

/** part / whole × 100 as an exact decimal, or null when whole is zero. */
export function rate(part: DecimalLike, whole: DecimalLike): Decimal | null {
  const w = dec(whole);
  return w.isZero() ? null : dec(part).dividedBy(w).times(100);
}

/** "91.7%" */
export function formatPercent(value: Decimal | null, places = 1): string {
  return value === null ? "—" : value.toFixed(places) + "%";
}

export type ScheduleComparison = { kind: "ahead" | "behind" | "even"; points: string; text: string };

/** A completion rate against 序时进度, as a leader reads it: "超序时进度 34.2 个百分点". Both in percent. */
export function compareWithSchedule(completionRate: DecimalLike, schedule: DecimalLike, places = 1): ScheduleComparison {
  const diff = new Decimal(dec(completionRate).minus(dec(schedule)).toFixed(places));
  if (diff.isZero()) return { kind: "even", points: (0).toFixed(places), text: "与序时进度持平" };
  const points = diff.abs().toFixed(places);
  return diff.isPositive()
    ? { kind: "ahead", points, text: `超序时进度 ${points} 个百分点` }
    : { kind: "behind", points, text: `低于序时进度 ${points} 个百分点` };
}
