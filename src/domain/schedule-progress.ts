// 序时进度 (the share of the year elapsed) and a completion rate's gap to it — the one
// definition. A leader reads the gap two ways: rounded first, in words ("超序时进度 34.2 个百分点",
// compareWithSchedule), or signed in a table ("−5.0", scheduleGapPoints). Which projects are
// below 序时进度 is asked in SQL too (belowScheduleSql); tests/integration/figure-rules.test.ts
// pins it to its TypeScript twin on both engines. Pure: no database handle.
import { Prisma } from "@/generated/prisma/client";
import { dec, Decimal, type DecimalLike } from "@/lib/money";

/** Share of the year elapsed at the end of `month` ("YYYY-MM"), in percent: 2024-11 → 91.666…, 2024-12 → 100. */
export function scheduleProgress(month: string): Decimal {
  const m = Number(month.slice(5, 7));
  if (!(m >= 1 && m <= 12)) throw new Error(`无效月份：「${month}」`);
  return new Decimal(m).dividedBy(12).times(100);
}

/** A completion rate (percent) minus 序时进度 (percent), in 个百分点: negative when behind. */
export function scheduleGap(completionRate: DecimalLike, schedule: DecimalLike): Decimal {
  return dec(completionRate).minus(dec(schedule));
}

export type ScheduleComparison = { kind: "ahead" | "behind" | "even"; points: string; text: string };

/** A completion rate against 序时进度, as a leader reads it: "超序时进度 34.2 个百分点". Both in percent; the gap is rounded first. */
export function compareWithSchedule(completionRate: DecimalLike, schedule: DecimalLike, places = 1): ScheduleComparison {
  const diff = new Decimal(scheduleGap(completionRate, schedule).toFixed(places));
  if (diff.isZero()) return { kind: "even", points: (0).toFixed(places), text: "与序时进度持平" };
  const points = diff.abs().toFixed(places);
  return diff.isPositive() ? { kind: "ahead", points, text: `超序时进度 ${points} 个百分点` } : { kind: "behind", points, text: `低于序时进度 ${points} 个百分点` };
}

/** "−5.0" / "+34.2" / "0.0": a gap in 个百分点 as the park tables print it (the sign of the exact gap). */
export function signedPoints(diff: Decimal): string {
  return `${diff.isNegative() ? "−" : diff.isZero() ? "" : "+"}${diff.abs().toFixed(1)}`;
}

/** The table cell of a rate's gap to `month`'s 序时进度: signedPoints, or "—" without a rate. */
export function scheduleGapPoints(completionRate: DecimalLike | null, month: string): string {
  return completionRate === null ? "—" : signedPoints(scheduleGap(completionRate, scheduleProgress(month)));
}

/** Below 序时进度: a rate (percent) under `month`'s 序时进度; no rate is never below. */
export function isBelowSchedule(completionRate: DecimalLike | null, month: string): boolean {
  return completionRate !== null && dec(completionRate).lessThan(scheduleProgress(month));
}

/** SQL twin of isBelowSchedule over a rate expression (NULL: no rate). */
export function belowScheduleSql(completionRate: Prisma.Sql, month: string): Prisma.Sql {
  return Prisma.sql`(${completionRate} IS NOT NULL AND ${completionRate} < ${scheduleProgress(month).toString()}::numeric)`;
}
