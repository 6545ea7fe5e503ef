// 三色预警: the red/yellow/green early-warning rules, as pure functions. The thresholds live in
// ./warning-config.ts; docs/rules.md ("三色预警") states the rules in words. Nothing here is stored:
// a project's colour is derived from its facts and its monthly history every time.
import { dec, Decimal, type DecimalLike } from "@/lib/money";
import { addMonths, formatMonth, monthRange } from "@/lib/month";
import { warningConfig, type WarningConfig } from "./warning-config";
import { monthsStartedNotEntered } from "./nodes";
// "stale" and "started on time" are defined once, beside their SQL forms
import { isStale } from "./stale";
import { byDeadline } from "./deadlines";

export type WarningLevel = "red" | "yellow" | "green";

export const WARNING_LABEL: Record<WarningLevel, string> = { red: "红色预警", yellow: "黄色预警", green: "正常" };
export const STALE_LABEL = "数据未更新";

/** One month of a project's history: its planned and its reported cumulative investment (万元). */
export type MonthPoint = {
  month: string;
  /** PlannedInvestment.cumulativePlanned for the month, or null when the plan has none */
  planned: string | null;
  plannedDemo?: boolean;
  /** the month's approved (or submitted, awaiting review) cumulative figure, or null: no report */
  actual: string | null;
  actualDemo?: boolean;
};

export type WarningInput = {
  /** the plan's 开工截止日期, "YYYY-MM-DD" */
  startDeadline: string;
  actualStartMonth: string | null;
  /** 总投资, 万元 */
  totalInvestment: DecimalLike;
  /**
   * The month the warning is as of (the published period's month). A project without a
   * report for this month is stale (未报).
   */
  referenceMonth: string;
  /** months of the year up to and including referenceMonth, ascending; later months are ignored */
  history: MonthPoint[];
  /**
   * The project's newest counted figure up to referenceMonth, of any year (what a 未报 month
   * carries forward), with the plan figure of its month (when that month is not in history,
   * e.g. last December); null: the project has never reported. Undefined: taken from history.
   */
  carried?: { month: string; actual: string; demo?: boolean; planned?: string | null; plannedDemo?: boolean } | null;
  /** open (待办/办理中) issues of the project whose due date has passed */
  overdueOpenIssues: number;
  /** the month the project entered the statistics (入库), or null; undefined: the 入库 rule is not applied */
  statsEnteredMonth?: string | null;
};

export type Warning = {
  level: WarningLevel;
  /** no report for referenceMonth (未报) */
  stale: boolean;
  /** why, in the order a leader should read them (most serious first) */
  reasons: string[];
  /**
   * points behind plan at referenceMonth (negative: ahead), when the month has a plan figure and
   * the project a figure: its own, or, when 未报, the carried one (no progress assumed)
   */
  lagPoints: string | null;
  /** the reasons rest on demo figures */
  demo: boolean;
};

/**
 * Points behind plan: (planned − actual) / total × 100, exactly; null when a figure is missing
 * or the total is zero.
 */
export function lagPoints(planned: DecimalLike | null, actual: DecimalLike | null, total: DecimalLike): Decimal | null {
  if (planned === null || actual === null) return null;
  const t = dec(total);
  if (t.isZero()) return null;
  return dec(planned).minus(dec(actual)).dividedBy(t).times(100);
}

function pts(d: Decimal): string {
  return d.toFixed(1);
}

const RANK: Record<WarningLevel, number> = { green: 0, yellow: 1, red: 2 };

export function worse(a: WarningLevel, b: WarningLevel): WarningLevel {
  // Stryker disable next-line EqualityOperator: of two equal levels either is the answer
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * The consecutive 未报 months ending at `referenceMonth` that count against a project, oldest
 * first: every month after its newest counted figure (of any year). A project that has never
 * reported counts from its start month, but not before January of the reference month's year;
 * one that has never reported and has not started has no 未报 months (it is judged on its start).
 */
export function silentMonths(input: { latestReported: string | null; actualStartMonth: string | null; referenceMonth: string }): string[] {
  const ref = input.referenceMonth;
  let from: string;
  if (input.latestReported !== null) from = addMonths(input.latestReported, 1);
  else if (input.actualStartMonth !== null) {
    const january = `${ref.slice(0, 4)}-01`;
    // Stryker disable next-line EqualityOperator: when the start is January both sides are the same month
    from = input.actualStartMonth > january ? input.actualStartMonth : january;
  } else return [];
  // empty when `from` is after the reference month (reported up to it, or starting later)
  return monthRange(from, ref);
}

/** ["2024-11", "2024-12"] → "2024年11月、12月"; four or more: "2024年8月至12月" */
export function formatMonths(months: string[]): string {
  const one = (m: string, prev: string | null) => (prev !== null && prev.slice(0, 4) === m.slice(0, 4) ? `${Number(m.slice(5))}月` : formatMonth(m));
  if (months.length >= 4) return `${formatMonth(months[0])}至${one(months.at(-1)!, months[0])}`;
  return months.map((m, i) => one(m, i === 0 ? null : months[i - 1])).join("、");
}

function silenceText(months: string[]): string {
  return months.length === 1 ? `${formatMonth(months[0])}未报` : `连续${months.length}个月未报（${formatMonths(months)}）`;
}

export function evaluateWarning(input: WarningInput, config: WarningConfig = warningConfig()): Warning {
  const red: string[] = [];
  const yellow: string[] = [];
  let demo = false;
  const deadlineText = formatDeadline(input.startDeadline);
  const ref = input.referenceMonth;
  // Stryker disable next-line EqualityOperator: a month appears once in a history
  const history = input.history.filter((h) => h.month <= ref).sort((a, b) => (a.month < b.month ? -1 : 1));
  const current = history.find((h) => h.month === ref);
  const lastInHistory = history.filter((h) => h.actual !== null).at(-1);
  const carried =
    input.carried !== undefined
      ? input.carried === null || input.carried.month > ref
        ? null
        : input.carried
      : lastInHistory
        ? { month: lastInHistory.month, actual: lastInHistory.actual!, demo: lastInHistory.actualDemo }
        : null;
  const carriedPoint = carried === null ? undefined : history.find((h) => h.month === carried.month);
  const carriedPlanned = carried === null ? null : carried.planned !== undefined ? carried.planned : (carriedPoint?.planned ?? null);
  const carriedPlannedDemo = carried?.plannedDemo ?? carriedPoint?.plannedDemo ?? false;
  const latestReported = carried?.month ?? null;
  const stale = isStale(latestReported, ref);
  const silent = stale ? silentMonths({ latestReported, actualStartMonth: input.actualStartMonth, referenceMonth: ref }) : [];

  // 1. start deadline
  if (input.actualStartMonth === null) {
    // the reference month is past the deadline's month
    if (!byDeadline(ref, input.startDeadline)) red.push(`计划${deadlineText}前开工，截至${formatMonth(ref)}仍未开工`);
  } else if (!byDeadline(input.actualStartMonth, input.startDeadline)) {
    yellow.push(`开工晚于计划截止日期 ${deadlineText}（${formatMonth(input.actualStartMonth)}开工）`);
  }

  // 2. investment behind the project's own monthly plan, at the reference month; a 未报 month
  //    adds nothing: the carried figure is judged against this month's plan
  let currentLag: Decimal | null = null;
  if (current && carried !== null) {
    currentLag = lagPoints(current.planned, carried.actual, input.totalInvestment);
    if (currentLag !== null) {
      const demoNote = current.plannedDemo || carried.demo ? "（演示数据）" : "";
      const text = stale
        ? `累计完成投资落后${formatMonth(ref)}月度计划 ${pts(currentLag)} 个百分点（${formatMonth(ref)}未报，按${formatMonth(carried.month)}累计数计，不计未报月份进度）${demoNote}`
        : `${formatMonth(ref)}累计完成投资落后月度计划 ${pts(currentLag)} 个百分点${demoNote}`;
      if (currentLag.greaterThan(config.redLagPoints)) {
        red.push(text);
        demo ||= demoNote !== "";
      } else if (currentLag.greaterThanOrEqualTo(config.yellowLagPoints)) {
        yellow.push(text);
        demo ||= demoNote !== "";
      }
    }
  }

  // 3. red in an earlier month: only a later report lifts it. While the project has not reported
  //    since its last figure was red on lag, it stays red (the last figure is cited); once a later
  //    report is not red, it stays yellow, citing the LATEST red month of the year.
  const lastLag = stale && carried !== null ? lagPoints(carriedPlanned, carried.actual, input.totalInvestment) : null;
  if (lastLag !== null && lastLag.greaterThan(config.redLagPoints)) {
    const demoNote = carriedPlannedDemo || carried!.demo ? "（演示数据）" : "";
    red.push(`${formatMonth(carried!.month)}落后月度计划 ${pts(lastLag)} 个百分点（红色预警），此后未报，预警未解除${demoNote}`);
    demo ||= demoNote !== "";
  } else if (red.length === 0) {
    const wasRed = history.findLast((h) => {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the reference month itself, when red, is red already (step 2) and this branch is not reached
      if (h.month >= ref) return false;
      const lag = lagPoints(h.planned, h.actual, input.totalInvestment);
      return lag !== null && lag.greaterThan(config.redLagPoints);
    });
    if (wasRed) {
      const lag = lagPoints(wasRed.planned, wasRed.actual, input.totalInvestment)!;
      const demoNote = wasRed.plannedDemo || wasRed.actualDemo ? "（演示数据）" : "";
      demo ||= demoNote !== "";
      yellow.push(`${formatMonth(wasRed.month)}曾落后月度计划 ${pts(lag)} 个百分点（红色预警）${currentLag !== null ? `，现落后 ${pts(currentLag)} 个百分点` : ""}${demoNote}`);
    }
  }

  // 4. 入库: a started project due for the statistics, not entered some months after its start
  if (input.statsEnteredMonth !== undefined) {
    const months = monthsStartedNotEntered({ totalInvestment: input.totalInvestment, actualStartMonth: input.actualStartMonth, statsEnteredMonth: input.statsEnteredMonth }, ref);
    // Stryker disable next-line ConditionalExpression: null >= n is false in JavaScript too; the check is for the type
    if (months !== null && months >= config.statsYellowMonths) {
      const text = `${formatMonth(input.actualStartMonth!)}开工，已${months}个月未入库（纳统）`;
      if (months >= config.statsRedMonths) red.push(text);
      else yellow.push(text);
    }
  }

  // 5. consecutive 未报 months raise the colour on their own
  const silence = silent.length >= config.silentRedMonths ? red : silent.length >= config.silentYellowMonths ? yellow : null;
  silence?.push(silenceText(silent));

  // 6. overdue open issues
  if (input.overdueOpenIssues > 0) yellow.push(`有${input.overdueOpenIssues}个问题逾期未办结`);

  const level: WarningLevel = red.length > 0 ? "red" : yellow.length > 0 ? "yellow" : "green";
  const reasons = [...red, ...yellow];
  // 未报 is always said, even when it does not (yet) count towards the colour
  if (stale && silence === null) reasons.push(silent.length > 0 ? silenceText(silent) : `尚无${formatMonth(ref)}月报（${STALE_LABEL}）`);
  return { level, stale, reasons, lagPoints: currentLag === null ? null : pts(currentLag), demo };
}

/** "2024-04-30" → "2024年4月30日" */
export function formatDeadline(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
