// Thresholds of the 数据质量 checks (src/domain/data-quality.ts), beside the 三色预警's
// (./warning-config.ts). Each may be overridden by an environment variable.
import { Decimal } from "@/lib/money";
import { PROGRESS_STAGE_LABEL } from "@/lib/labels";

export type ProgressStage = keyof typeof PROGRESS_STAGE_LABEL;
export const PROGRESS_STAGES = Object.keys(PROGRESS_STAGE_LABEL) as ProgressStage[];

export type QualityConfig = {
  /** 突增: 本月 more than this many times the trailing three-month average (default 3) — QUALITY_JUMP_MULTIPLE */
  jumpMultiple: Decimal;
  /** …and more than this share of 总投资, percent (default 10) — QUALITY_JUMP_SHARE_PERCENT */
  jumpSharePercent: Decimal;
  /** 在建 with 本月 zero for this many consecutive months, this one included (default 3) — QUALITY_ZERO_MONTHS */
  zeroMonths: number;
  /** 调度数 and 入统数 apart by more than this share of 入统数, percent (default 20) — QUALITY_STATS_APART_PERCENT */
  statsApartPercent: Decimal;
  /** 开累 beyond the money in place by more than this share of it, percent (default 20) — QUALITY_FUNDS_SHORT_PERCENT */
  fundsShortPercent: Decimal;
  /** per stage, QUALITY_STAGE_RANGE_<STAGE> = "min-max" (percent), e.g. QUALITY_STAGE_RANGE_FOUNDATION=0-40 */
  stageRanges: Record<ProgressStage, StageRange>;
};

/** Expected 开累 ÷ 总投资, in percent, at a 形象进度 stage (both ends included). */
export type StageRange = { min: Decimal; max: Decimal };

export const DEFAULT_QUALITY_CONFIG = {
  jumpMultiple: "3",
  jumpSharePercent: "10",
  zeroMonths: 3,
  statsApartPercent: "20",
  fundsShortPercent: "20",
  stageRanges: {
    PRELIMINARY: "0-10",
    FOUNDATION: "0-40",
    STRUCTURE: "10-75",
    STRUCTURE_DONE: "40-90",
    EQUIPMENT: "50-100",
    COMMISSIONING: "70-100",
    PRODUCTION: "80-100",
  },
} as const;

const NUMBER = /^[0-9]+(\.[0-9]+)?$/;

function decimal(value: string | undefined, fallback: string, name: string, unit: string): Decimal {
  const v = value?.trim();
  if (!v) return new Decimal(fallback);
  if (!NUMBER.test(v)) throw new Error(`${name} 必须是非负数（${unit}），而不是「${value}」`);
  return new Decimal(v);
}

function range(value: string | undefined, fallback: string, name: string): StageRange {
  const v = value?.trim() || fallback;
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*-\s*([0-9]+(?:\.[0-9]+)?)$/.exec(v);
  if (!m) throw new Error(`${name} 必须写成「最小-最大」（百分比，如 10-75），而不是「${value}」`);
  const [min, max] = [new Decimal(m[1]), new Decimal(m[2])];
  if (min.greaterThan(max)) throw new Error(`${name} 的最小值不能大于最大值（「${value}」）`);
  return { min, max };
}

/** The configuration in effect: defaults, overridden by the environment. */
export function qualityConfig(env: Record<string, string | undefined> = process.env): QualityConfig {
  const zero = env.QUALITY_ZERO_MONTHS?.trim();
  if (zero && (!/^[0-9]+$/.test(zero) || Number(zero) < 2 || Number(zero) > 24)) {
    throw new Error(`QUALITY_ZERO_MONTHS 必须是 2 到 24 之间的整数（月），而不是「${env.QUALITY_ZERO_MONTHS}」`);
  }
  const stageRanges = Object.fromEntries(
    PROGRESS_STAGES.map((s) => [s, range(env[`QUALITY_STAGE_RANGE_${s}`], DEFAULT_QUALITY_CONFIG.stageRanges[s], `QUALITY_STAGE_RANGE_${s}`)]),
  ) as Record<ProgressStage, StageRange>;
  return {
    jumpMultiple: decimal(env.QUALITY_JUMP_MULTIPLE, DEFAULT_QUALITY_CONFIG.jumpMultiple, "QUALITY_JUMP_MULTIPLE", "倍"),
    jumpSharePercent: decimal(env.QUALITY_JUMP_SHARE_PERCENT, DEFAULT_QUALITY_CONFIG.jumpSharePercent, "QUALITY_JUMP_SHARE_PERCENT", "百分比"),
    zeroMonths: zero ? Number(zero) : DEFAULT_QUALITY_CONFIG.zeroMonths,
    statsApartPercent: decimal(env.QUALITY_STATS_APART_PERCENT, DEFAULT_QUALITY_CONFIG.statsApartPercent, "QUALITY_STATS_APART_PERCENT", "百分比"),
    fundsShortPercent: decimal(env.QUALITY_FUNDS_SHORT_PERCENT, DEFAULT_QUALITY_CONFIG.fundsShortPercent, "QUALITY_FUNDS_SHORT_PERCENT", "百分比"),
    stageRanges,
  };
}
