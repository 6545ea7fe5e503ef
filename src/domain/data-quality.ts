// 数据质量: the checks that flag an implausible monthly figure with its evidence, when a report is
// submitted (shown on /review; approving a flagged report asks for a 核实说明) and when a period is
// published (frozen with the publication; the 通报 counts them). Pure: the facts it needs are
// gathered in SQL by src/server/data-quality/checks.ts; the thresholds are ./quality-config.ts.
//
//   JUMP            本月 more than 3× the trailing three-month average (a month without a figure
//                   counts as 0) and more than 10% of 总投资
//   OVER_TOTAL      开累 beyond 总投资
//   AHEAD_OF_STAGE  开累 ÷ 总投资 outside the expected range of the 形象进度 stage given
//   PHOTO_REUSED    a photo (same SHA-256) already used for another month or another project
//   TEXT_UNCHANGED  形象进度 text identical to the previous figure's while 本月 > 0
//   ZERO_STREAK     在建 and 本月 zero for three consecutive months, this one included
//   STATS_APART     调度数 (开累) and 入统数 of the month apart by more than 20% of 入统数
//   FUNDS_SHORT     开累 beyond the money in place (all sources) by more than 20% of it
//                   (investment reported without the money to pay for it; ./funding.ts)
import type { QualityKind } from "@/generated/prisma/enums";
import { dec, formatWan, type Decimal, type DecimalLike } from "@/lib/money";
import { addMonths, formatMonth } from "@/lib/month";
import { PROGRESS_STAGE_LABEL, PROJECT_STATUS_LABEL } from "@/lib/labels";
import type { ProgressStage, QualityConfig } from "./quality-config";
import { investmentBeyondFunds } from "./funding";

export type { QualityKind };

export type QualityInput = {
  /** the report's month, "YYYY-MM" */
  month: string;
  projectStatus: keyof typeof PROJECT_STATUS_LABEL;
  totalInvestment: DecimalLike;
  /** 本月完成投资 (null: the report gives the cumulative alone) */
  monthInvestment: DecimalLike | null;
  cumulative: DecimalLike;
  stage: ProgressStage | null;
  progressText: string;
  /** 本月 of the project's figures of the months before, by month ("YYYY-MM"); a month without a figure is absent */
  earlier: Readonly<Record<string, DecimalLike | null>>;
  /** the project's newest figure before this month: its month and 形象进度 text */
  previous: { month: string; progressText: string } | null;
  /** other reports (of another month or another project) showing one of this report's photos */
  photoReuses: ReadonlyArray<{ projectName: string; month: string; sameProject: boolean }>;
  /** 入统数: the cumulative investment in the statistics system for the month (null: none recorded) */
  statsCumulative: DecimalLike | null;
  /** 资金到位: Σ cumulative money in place over the sources the revision states (null: none stated) */
  fundsInPlace: DecimalLike | null;
};

export type QualityFlag = {
  kind: QualityKind;
  /** the evidence in one sentence, as the office reads it */
  message: string;
  /** the figures behind it: amounts in 万元 and percentages as strings, months "YYYY-MM" */
  evidence: Record<string, string | number | string[]>;
};

/** The months before `month` whose figures the checks read (the trailing average and the zero streak). */
export function monthsBefore(month: string, config: Pick<QualityConfig, "zeroMonths">): string[] {
  const count = Math.max(3, config.zeroMonths - 1);
  return Array.from({ length: count }, (_, i) => addMonths(month, -(i + 1)));
}

const pct = (part: Decimal, whole: Decimal) => part.dividedBy(whole).times(100);
const shortMonth = (month: string) => `${Number(month.slice(5))}月`;

function jump(input: QualityInput, config: QualityConfig): QualityFlag | null {
  if (input.monthInvestment === null) return null;
  const month = dec(input.monthInvestment);
  const total = dec(input.totalInvestment);
  const trailing = [1, 2, 3].map((n) => addMonths(input.month, -n)).reverse();
  const amounts = trailing.map((m) => dec(input.earlier[m] ?? 0));
  const average = amounts.reduce((a, b) => a.plus(b), dec(0)).dividedBy(3);
  if (!month.greaterThan(average.times(config.jumpMultiple))) return null;
  if (!month.greaterThan(total.times(config.jumpSharePercent).dividedBy(100))) return null;
  const share = pct(month, total);
  const detail = trailing.map((m, i) => `${shortMonth(m)}${m in input.earlier && input.earlier[m] !== null ? formatWan(amounts[i]) : "无数"}`).join("、");
  const times = average.isZero() ? "前三个月均无投资" : `是前三个月平均 ${formatWan(average.toDecimalPlaces(2))}（${detail}）的 ${month.dividedBy(average).toFixed(1)} 倍`;
  return {
    kind: "JUMP",
    message: `本月完成投资 ${formatWan(month)}，${times}，占总投资 ${share.toFixed(1)}%`,
    evidence: { monthInvestment: month.toString(), trailingAverage: average.toDecimalPlaces(2).toString(), trailingMonths: trailing, sharePercent: share.toFixed(1) },
  };
}

function overTotal(input: QualityInput): QualityFlag | null {
  const cumulative = dec(input.cumulative);
  const total = dec(input.totalInvestment);
  if (!cumulative.greaterThan(total)) return null;
  return {
    kind: "OVER_TOTAL",
    message: `累计完成投资 ${formatWan(cumulative)} 超过总投资 ${formatWan(total)}（${total.isZero() ? "总投资为0" : `为总投资的 ${pct(cumulative, total).toFixed(1)}%`}）`,
    evidence: { cumulative: cumulative.toString(), totalInvestment: total.toString() },
  };
}

function aheadOfStage(input: QualityInput, config: QualityConfig): QualityFlag | null {
  const total = dec(input.totalInvestment);
  if (input.stage === null || total.isZero()) return null;
  const { min, max } = config.stageRanges[input.stage];
  const share = pct(dec(input.cumulative), total);
  if (share.greaterThanOrEqualTo(min) && share.lessThanOrEqualTo(max)) return null;
  return {
    kind: "AHEAD_OF_STAGE",
    message: `形象进度为「${PROGRESS_STAGE_LABEL[input.stage]}」，累计完成投资占总投资 ${share.toFixed(1)}%，${share.greaterThan(max) ? "高于" : "低于"}该阶段通常的 ${min.toString()}%–${max.toString()}%`,
    evidence: { stage: input.stage, sharePercent: share.toFixed(1), min: min.toString(), max: max.toString() },
  };
}

function photoReused(input: QualityInput): QualityFlag | null {
  if (input.photoReuses.length === 0) return null;
  const where = input.photoReuses.slice(0, 3).map((r) => (r.sameProject ? `本项目${formatMonth(r.month)}` : `「${r.projectName}」${formatMonth(r.month)}`));
  const more = input.photoReuses.length > 3 ? `等${input.photoReuses.length}份报表` : "";
  return {
    kind: "PHOTO_REUSED",
    message: `形象进度照片与${where.join("、")}${more}的报表照片相同`,
    evidence: { reports: input.photoReuses.map((r) => `${r.sameProject ? "本项目" : r.projectName} ${r.month}`) },
  };
}

// Stryker disable next-line Regex: removing each whitespace character or each run of them leaves the same text
const sameText = (a: string, b: string) => a.replace(/\s+/g, "") === b.replace(/\s+/g, "");

function textUnchanged(input: QualityInput): QualityFlag | null {
  if (!input.previous || input.monthInvestment === null || !dec(input.monthInvestment).greaterThan(0)) return null;
  if (input.progressText.trim() === "" || !sameText(input.progressText, input.previous.progressText)) return null;
  return {
    kind: "TEXT_UNCHANGED",
    message: `形象进度与${formatMonth(input.previous.month)}填报的完全相同，但本月完成投资 ${formatWan(input.monthInvestment)}`,
    evidence: { previousMonth: input.previous.month, monthInvestment: dec(input.monthInvestment).toString() },
  };
}

function zeroStreak(input: QualityInput, config: QualityConfig): QualityFlag | null {
  if (input.projectStatus !== "UNDER_CONSTRUCTION" || input.monthInvestment === null || !dec(input.monthInvestment).isZero()) return null;
  const before = Array.from({ length: config.zeroMonths - 1 }, (_, i) => addMonths(input.month, -(i + 1)));
  const zero = (m: string) => m in input.earlier && input.earlier[m] !== null && dec(input.earlier[m]!).isZero();
  if (!before.every(zero)) return null;
  const first = before[before.length - 1];
  return {
    kind: "ZERO_STREAK",
    message: `在建项目连续${config.zeroMonths}个月（${formatMonth(first)}至${formatMonth(input.month)}）本月完成投资均为0`,
    evidence: { from: first, to: input.month, months: config.zeroMonths },
  };
}

function statsApart(input: QualityInput, config: QualityConfig): QualityFlag | null {
  if (input.statsCumulative === null) return null;
  const stats = dec(input.statsCumulative);
  const cumulative = dec(input.cumulative);
  const gap = cumulative.minus(stats).abs();
  if (stats.isZero() ? gap.isZero() : !pct(gap, stats).greaterThan(config.statsApartPercent)) return null;
  return {
    kind: "STATS_APART",
    message: `调度数（累计 ${formatWan(cumulative)}）与入统数（${formatWan(stats)}）相差 ${formatWan(gap)}${stats.isZero() ? "，入统数为0" : `，为入统数的 ${pct(gap, stats).toFixed(1)}%`}`,
    evidence: { cumulative: cumulative.toString(), statsCumulative: stats.toString(), gap: gap.toString() },
  };
}

function fundsShort(input: QualityInput, config: QualityConfig): QualityFlag | null {
  if (!investmentBeyondFunds(input.cumulative, input.fundsInPlace, config.fundsShortPercent)) return null;
  const cumulative = dec(input.cumulative);
  const funds = dec(input.fundsInPlace!);
  const gap = cumulative.minus(funds);
  return {
    kind: "FUNDS_SHORT",
    message: `累计完成投资 ${formatWan(cumulative)} 超过累计到位资金 ${formatWan(funds)}，多出 ${formatWan(gap)}${funds.isZero() ? "（到位资金为0）" : `，为到位资金的 ${pct(gap, funds).toFixed(1)}%`}`,
    evidence: { cumulative: cumulative.toString(), fundsInPlace: funds.toString(), gap: gap.toString() },
  };
}

/** The flags of one month's figures, in the order of the checks (empty: nothing implausible). */
export function qualityFlags(input: QualityInput, config: QualityConfig): QualityFlag[] {
  return [
    jump(input, config),
    overTotal(input),
    aheadOfStage(input, config),
    photoReused(input),
    textUnchanged(input),
    zeroStreak(input, config),
    statsApart(input, config),
    fundsShort(input, config),
  ].filter((f): f is QualityFlag => f !== null);
}
