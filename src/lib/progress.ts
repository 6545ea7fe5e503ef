// Percentages: exact decimal helpers shared by the dashboards. (序时进度 and the gap to it are a
// rule: src/domain/schedule-progress.ts.)
import { dec, type Decimal, type DecimalLike } from "./money";

/** part / whole × 100 as an exact decimal, or null when whole is zero. */
export function rate(part: DecimalLike, whole: DecimalLike): Decimal | null {
  const w = dec(whole);
  return w.isZero() ? null : dec(part).dividedBy(w).times(100);
}

/** "91.7%" */
export function formatPercent(value: Decimal | null, places = 1): string {
  return value === null ? "—" : value.toFixed(places) + "%";
}
