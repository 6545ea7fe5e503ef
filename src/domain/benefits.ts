// 达产 and benefits: a delivered figure (产值, 税收, 新增就业, a named metric) against what the
// project promised, with the promise's qualifier kept (以上 / 约 / none), and the project's 达产 state.
// Pure: the project page, the review page, the warnings and the documents use these functions.
//
//   达产率 = actual ÷ promised × 100 (percent).
//   "已达到承诺" only when the actual figure reaches the promised number — for 以上 ("at least")
//   and for a plain figure alike: 4999万元 against "5000万元以上" is not reached.
//   A figure promised "约" (about) that falls short of its number by no more than the tolerance
//   (BENEFIT_ABOUT_TOLERANCE_PERCENT, default 5% of the number) is "基本达到承诺（约数）"; never "已达到".
import { Prisma } from "@/generated/prisma/client";
import { dec, type Decimal, type DecimalLike } from "@/lib/money";
import { addMonths, formatMonth } from "@/lib/month";
import { reportAmount, reportCount } from "./report-wording";
import type { BenefitConfig } from "./benefit-config";

/** How a promise is qualified: 以上 (at least), 约 (about), or neither (a plain number). */
export type Qualifier = "以上" | "约" | null;

/** A qualifier as stored (ProjectMetric.qualifier is free text; the 预计 figures have an AtLeast flag). */
export function qualifierOf(text: string | null | undefined, atLeast = false): Qualifier {
  if (atLeast) return "以上";
  const q = text?.trim();
  return q === "以上" || q === "约" ? q : null;
}

export type PromiseState = "REACHED" | "ABOUT" | "SHORT";

export const PROMISE_STATE_LABEL: Record<PromiseState, string> = {
  REACHED: "已达到承诺",
  ABOUT: "基本达到承诺（约数）",
  SHORT: "未达到承诺",
};

export type PromiseComparison = {
  /** 达产率, percent (exact); null when the promised number is zero */
  rate: Decimal | null;
  state: PromiseState;
};

/** One delivered figure against its promise. */
export function compareWithPromise(actual: DecimalLike, promised: DecimalLike, qualifier: Qualifier, config: Pick<BenefitConfig, "aboutTolerancePercent">): PromiseComparison {
  const a = dec(actual);
  const p = dec(promised);
  const rate = p.isZero() ? null : a.dividedBy(p).times(100);
  if (a.greaterThanOrEqualTo(p)) return { rate, state: "REACHED" };
  if (qualifier === "约") {
    const floor = p.times(dec(100).minus(config.aboutTolerancePercent)).dividedBy(100);
    if (a.greaterThanOrEqualTo(floor)) return { rate, state: "ABOUT" };
  }
  return { rate, state: "SHORT" };
}

/** 达产率 as the documents print it: whole percent when exact, else one decimal ("64%", "99.6%"). */
export function formatBenefitRate(rate: Decimal | null): string {
  if (rate === null) return "—";
  const one = rate.toDecimalPlaces(1, 1 /* ROUND_DOWN: never show a promise as met that is not */);
  return `${one.isInteger() ? one.toFixed(0) : one.toFixed(1)}%`;
}

/** A promised figure of a project: 产值 / 税收 (万元), 新增就业 (人), or a named metric. */
export type PromisedFigure = {
  key: string;
  /** 产值, 税收, 新增就业, or the metric's name (年供电量) */
  label: string;
  unit: "万元" | "人" | string;
  value: Decimal;
  qualifier: Qualifier;
};

type ProjectPromises = {
  expectedOutput: DecimalLike | null;
  expectedOutputAtLeast: boolean;
  expectedTax: DecimalLike | null;
  expectedTaxAtLeast: boolean;
  expectedJobs: number | null;
  expectedJobsAtLeast: boolean;
  metrics: Array<{ name: string; value: DecimalLike; unit: string; qualifier: string | null }>;
};

/** The project's promises in the order the report states them: 产值, 新增就业, 税收, then its own metrics. */
export function promisedFigures(p: ProjectPromises): PromisedFigure[] {
  const out: PromisedFigure[] = [];
  if (p.expectedOutput !== null) out.push({ key: "output", label: "产值", unit: "万元", value: dec(p.expectedOutput), qualifier: qualifierOf(null, p.expectedOutputAtLeast) });
  if (p.expectedJobs !== null) out.push({ key: "jobs", label: "新增就业", unit: "人", value: dec(p.expectedJobs), qualifier: qualifierOf(null, p.expectedJobsAtLeast) });
  if (p.expectedTax !== null) out.push({ key: "tax", label: "税收", unit: "万元", value: dec(p.expectedTax), qualifier: qualifierOf(null, p.expectedTaxAtLeast) });
  for (const m of p.metrics) out.push({ key: `metric:${m.name}`, label: m.name, unit: m.unit, value: dec(m.value), qualifier: qualifierOf(m.qualifier) });
  return out;
}

/**
 * The figure a project's 达产率 is judged on: its 产值 when it promised one, else its first named
 * metric (a power plant promises 年供电量, not 产值); null when it promised nothing.
 */
export function leadingPromise(figures: PromisedFigure[]): PromisedFigure | null {
  return figures.find((f) => f.key === "output") ?? figures.find((f) => f.key.startsWith("metric:")) ?? null;
}

/** A figure as written with its unit and qualifier: "50亿元", "5000万元以上", "150人以上", "约41万吨标煤". */
export function figureText(value: DecimalLike, unit: string, qualifier: Qualifier): string {
  const about = qualifier === "约" ? "约" : "";
  const atLeast = qualifier === "以上";
  if (unit === "万元") return about + reportAmount(value, { atLeast });
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent — the general branch below prints a head count the same way ("150人以上")
  if (unit === "人") return about + reportCount(dec(value).toNumber(), "人", { atLeast });
  return `${about}${dec(value).toFixed()}${unit}${atLeast ? "以上" : ""}`;
}

/**
 * The seed's sentence pattern for a delivered year: "2025年实现产值32亿元，为承诺的64%".
 * A promise reached says so: "…，为承诺的104%，已达到承诺".
 */
export function deliveredSentence(year: number, figure: PromisedFigure, actual: DecimalLike, config: Pick<BenefitConfig, "aboutTolerancePercent">): string {
  const c = compareWithPromise(actual, figure.value, figure.qualifier, config);
  const verb = figure.key === "jobs" ? "新增就业" : figure.key === "output" || figure.key === "tax" ? `实现${figure.label}` : figure.label;
  const amount = figureText(actual, figure.unit, null);
  const tail = c.state === "SHORT" ? "" : `，${PROMISE_STATE_LABEL[c.state]}`;
  return `${year}年${verb}${amount}，为承诺的${formatBenefitRate(c.rate)}${tail}`;
}

// ---------------------------------------------------------------------------------------------
// 达产 state and the two benefit warnings (beside 三色预警; thresholds in ./benefit-config.ts)

export type FullProductionState = "NOT_IN_PRODUCTION" | "REACHED" | "PENDING" | "OVERDUE";

export const FULL_PRODUCTION_STATE_LABEL: Record<FullProductionState, string> = {
  NOT_IN_PRODUCTION: "未投产",
  REACHED: "已达产",
  PENDING: "投产未达产",
  OVERDUE: "投产超期未达产",
};

/** Whole months from `from` to `to` ("YYYY-MM"): 2024-06 → 2025-06 is 12. */
export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

/**
 * A project's 达产 state at `month`: 已达产 once its 达产 node has an actual date in or before the
 * month; 投产超期未达产 when it has been in production MORE than `overdueMonths` (default 12) months
 * without it (2024-06 → 2025-06 is 12 months: not yet; 2025-07 is); else 投产未达产.
 */
export function fullProductionState(
  facts: { actualProductionMonth: string | null; fullProductionMonth: string | null },
  month: string,
  config: Pick<BenefitConfig, "overdueMonths">,
): FullProductionState {
  if (!facts.actualProductionMonth || facts.actualProductionMonth > month) return "NOT_IN_PRODUCTION";
  if (facts.fullProductionMonth && facts.fullProductionMonth <= month) return "REACHED";
  return monthsBetween(facts.actualProductionMonth, month) > config.overdueMonths ? "OVERDUE" : "PENDING";
}

/**
 * SQL twin of `fullProductionState`: `production` and `fullProduction` are "YYYY-MM" expressions
 * (the project's actualProductionMonth; the 达产 node's actual month), `month` the month asked about.
 */
export function fullProductionStateSql(production: Prisma.Sql, fullProduction: Prisma.Sql, month: string, config: Pick<BenefitConfig, "overdueMonths">): Prisma.Sql {
  const months = (m: Prisma.Sql) => Prisma.sql`(substr(${m}, 1, 4)::int * 12 + substr(${m}, 6, 2)::int)`;
  const at = Prisma.sql`${month}::text`;
  return Prisma.sql`(CASE WHEN ${production} IS NULL OR ${production} > ${at} THEN 'NOT_IN_PRODUCTION'
    WHEN ${fullProduction} IS NOT NULL AND ${fullProduction} <= ${at} THEN 'REACHED'
    WHEN ${months(at)} - ${months(production)} > ${config.overdueMonths}::int THEN 'OVERDUE' ELSE 'PENDING' END)`;
}

/**
 * The second full year of production: the first full calendar year is the year after the
 * production month's (or that year itself when production began in January), the second the next.
 */
export function secondFullYear(actualProductionMonth: string): number {
  const y = Number(actualProductionMonth.slice(0, 4));
  return (actualProductionMonth.endsWith("-01") ? y : y + 1) + 1;
}

/**
 * The benefit warnings of a project at `month`, as sentences:
 * - 「2024年6月投产，已13个月未达产」 when in production more than `overdueMonths` months without 达产;
 * - 「投产第二个完整年度（2026年）产值为承诺的40%，低于50%」 when the approved full-year figure of the
 *   second full year is under `lowRatePercent` of the leading promise.
 */
export function benefitWarnings(
  facts: { actualProductionMonth: string | null; fullProductionMonth: string | null; leading: PromisedFigure | null; secondYearActual: DecimalLike | null },
  month: string,
  config: BenefitConfig,
): string[] {
  const out: string[] = [];
  const state = fullProductionState(facts, month, config);
  if (state === "OVERDUE") out.push(`${formatMonth(facts.actualProductionMonth!)}投产，已${monthsBetween(facts.actualProductionMonth!, month)}个月未达产`);
  if (facts.actualProductionMonth && facts.leading && facts.secondYearActual !== null) {
    const year = secondFullYear(facts.actualProductionMonth);
    const c = compareWithPromise(facts.secondYearActual, facts.leading.value, facts.leading.qualifier, config);
    if (c.rate !== null && c.rate.lessThan(config.lowRatePercent)) {
      out.push(`投产第二个完整年度（${year}年）${facts.leading.label}为承诺的${formatBenefitRate(c.rate)}，低于${dec(config.lowRatePercent).toFixed()}%`);
    }
  }
  return out;
}

/** The last month of a year or quarter (what "as of" a benefit report is). */
export function benefitPeriodEnd(year: number, quarter: number): string {
  return quarter === 0 ? `${year}-12` : addMonths(`${year}-01`, quarter * 3 - 1);
}

/** "2025年" or "2025年第2季度". */
export function benefitPeriodLabel(year: number, quarter: number): string {
  return quarter === 0 ? `${year}年` : `${year}年第${quarter}季度`;
}
