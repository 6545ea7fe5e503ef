// Thresholds of the benefit rules (src/domain/benefits.ts), beside the 三色预警's
// (./warning-config.ts), each overridable by an environment variable.
import { Decimal } from "@/lib/money";

export type BenefitConfig = {
  /** a promise stated 约 counts as 基本达到 when short of its number by at most this share, percent (default 5) — BENEFIT_ABOUT_TOLERANCE_PERCENT */
  aboutTolerancePercent: Decimal;
  /** warning when in production MORE than this many months without 达产 (default 12) — BENEFIT_FULL_PRODUCTION_MONTHS */
  overdueMonths: number;
  /** warning when the second full year's 达产率 is under this percent (default 50) — BENEFIT_LOW_RATE_PERCENT */
  lowRatePercent: Decimal;
};

export const DEFAULT_BENEFIT_CONFIG = { aboutTolerancePercent: "5", overdueMonths: 12, lowRatePercent: "50" } as const;

function percentOf(value: string | undefined, fallback: string, name: string): Decimal {
  const v = value?.trim();
  if (!v) return new Decimal(fallback);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(v) || Number(v) > 100) throw new Error(`${name} 必须是 0 到 100 之间的数（百分比），而不是「${value}」`);
  return new Decimal(v);
}

/** The configuration in effect: defaults, overridden by the environment. */
export function benefitConfig(env: Record<string, string | undefined> = process.env): BenefitConfig {
  const monthsText = env.BENEFIT_FULL_PRODUCTION_MONTHS?.trim();
  if (monthsText && (!/^[0-9]+$/.test(monthsText) || Number(monthsText) < 1 || Number(monthsText) > 120)) {
    throw new Error(`BENEFIT_FULL_PRODUCTION_MONTHS 必须是 1 到 120 之间的整数（月），而不是「${env.BENEFIT_FULL_PRODUCTION_MONTHS}」`);
  }
  return {
    aboutTolerancePercent: percentOf(env.BENEFIT_ABOUT_TOLERANCE_PERCENT, DEFAULT_BENEFIT_CONFIG.aboutTolerancePercent, "BENEFIT_ABOUT_TOLERANCE_PERCENT"),
    overdueMonths: monthsText ? Number(monthsText) : DEFAULT_BENEFIT_CONFIG.overdueMonths,
    lowRatePercent: percentOf(env.BENEFIT_LOW_RATE_PERCENT, DEFAULT_BENEFIT_CONFIG.lowRatePercent, "BENEFIT_LOW_RATE_PERCENT"),
  };
}
