// Thresholds of the 三色预警 (red/yellow/green early warnings), in one place.
// Lag is measured in percentage points of the project's total investment:
//   (planned cumulative for the month − actual cumulative for the month) / total investment × 100.
// Each threshold may be overridden by an environment variable (a decimal number of points, or
// whole months for 入库 and for consecutive 未报 months).
import { Decimal } from "@/lib/money";

export type WarningConfig = {
  /** red when the lag is MORE than this many points (default 20) — WARNING_RED_LAG_POINTS */
  redLagPoints: Decimal;
  /** yellow when the lag is at least this many points, up to redLagPoints (default 10) — WARNING_YELLOW_LAG_POINTS */
  yellowLagPoints: Decimal;
  /** 入库: yellow when a started project is still not entered this many months after its start month (default 1) — WARNING_STATS_YELLOW_MONTHS */
  statsYellowMonths: number;
  /** 入库: red from this many months after the start month (default 2) — WARNING_STATS_RED_MONTHS */
  statsRedMonths: number;
  /** 未报: yellow from this many consecutive months without a report (default 1) — WARNING_SILENT_YELLOW_MONTHS */
  silentYellowMonths: number;
  /** 未报: red from this many consecutive months without a report (default 2) — WARNING_SILENT_RED_MONTHS */
  silentRedMonths: number;
};

export const DEFAULT_WARNING_CONFIG = { redLagPoints: "20", yellowLagPoints: "10", statsYellowMonths: 1, statsRedMonths: 2, silentYellowMonths: 1, silentRedMonths: 2 } as const;

function months(value: string | undefined, fallback: number, name: string): number {
  const v = value?.trim();
  if (!v) return fallback;
  if (!/^[0-9]+$/.test(v) || Number(v) < 1 || Number(v) > 120) {
    throw new Error(`${name} 必须是 1 到 120 之间的整数（月），而不是「${value}」`);
  }
  return Number(v);
}

function points(value: string | undefined, fallback: string, name: string): Decimal {
  const v = value?.trim();
  if (!v) return new Decimal(fallback);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(v)) throw new Error(`${name} 必须是非负数（百分点），而不是「${value}」`);
  return new Decimal(v);
}

/** The configuration in effect: defaults, overridden by the environment. */
export function warningConfig(env: Record<string, string | undefined> = process.env): WarningConfig {
  const red = points(env.WARNING_RED_LAG_POINTS, DEFAULT_WARNING_CONFIG.redLagPoints, "WARNING_RED_LAG_POINTS");
  const yellow = points(env.WARNING_YELLOW_LAG_POINTS, DEFAULT_WARNING_CONFIG.yellowLagPoints, "WARNING_YELLOW_LAG_POINTS");
  if (yellow.greaterThan(red)) throw new Error("WARNING_YELLOW_LAG_POINTS 不能大于 WARNING_RED_LAG_POINTS");
  const statsYellow = months(env.WARNING_STATS_YELLOW_MONTHS, DEFAULT_WARNING_CONFIG.statsYellowMonths, "WARNING_STATS_YELLOW_MONTHS");
  const statsRed = months(env.WARNING_STATS_RED_MONTHS, DEFAULT_WARNING_CONFIG.statsRedMonths, "WARNING_STATS_RED_MONTHS");
  if (statsYellow > statsRed) throw new Error("WARNING_STATS_YELLOW_MONTHS 不能大于 WARNING_STATS_RED_MONTHS");
  const silentYellow = months(env.WARNING_SILENT_YELLOW_MONTHS, DEFAULT_WARNING_CONFIG.silentYellowMonths, "WARNING_SILENT_YELLOW_MONTHS");
  const silentRed = months(env.WARNING_SILENT_RED_MONTHS, DEFAULT_WARNING_CONFIG.silentRedMonths, "WARNING_SILENT_RED_MONTHS");
  if (silentYellow > silentRed) throw new Error("WARNING_SILENT_YELLOW_MONTHS 不能大于 WARNING_SILENT_RED_MONTHS");
  return { redLagPoints: red, yellowLagPoints: yellow, statsYellowMonths: statsYellow, statsRedMonths: statsRed, silentYellowMonths: silentYellow, silentRedMonths: silentRed };
}
