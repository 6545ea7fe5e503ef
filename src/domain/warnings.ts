// 三色预警: the red/yellow/green early-warning rules, as pure functions. The thresholds live in
// ./warning-config.ts; docs/rules.md ("三色预警") states the rules in words. Nothing here is stored:
// a project's colour is derived from its facts and its monthly history every time.
import { dec, Decimal, type DecimalLike } from "@/lib/money";
import { formatMonth } from "@/lib/month";
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
   * The month the warning is as of: the latest month any project of the plan reported
   * (or, when nobody has reported yet, the current month). A project without a report for
   * this month is stale.
   */
  referenceMonth: string;
  /** months up to and including referenceMonth, ascending; later months are ignored */
  history: MonthPoint[];
  /** open (待办/办理中) issues of the project whose due date has passed */
  overdueOpenIssues: number;
  /** the month the project entered the statistics (入库), or null; undefined: the 入库 rule is not applied */
  statsEnteredMonth?: string | null;
};

export type Warning = {
  level: WarningLevel;
  /** no report for referenceMonth: the colour only reflects what is known */
  stale: boolean;
  /** why, in the order a leader should read them (most serious first) */
  reasons: string[];
  /** points behind plan at referenceMonth (negative: ahead), when both figures exist */
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
  return RANK[a] >= RANK[b] ? a : b;
}

export function evaluateWarning(input: WarningInput, config: WarningConfig = warningConfig()): Warning {
  const red: string[] = [];
  const yellow: string[] = [];
  let demo = false;
  const deadlineMonth = input.startDeadline.slice(0, 7);
  const deadlineText = formatDeadline(input.startDeadline);
  const ref = input.referenceMonth;
  const history = input.history.filter((h) => h.month <= ref).sort((a, b) => (a.month < b.month ? -1 : 1));
  const current = history.find((h) => h.month === ref);
  const latestReported = history.filter((h) => h.actual !== null).at(-1)?.month ?? null;
  const stale = isStale(latestReported, ref);

  // 1. start deadline
  if (input.actualStartMonth === null) {
    if (ref > deadlineMonth) red.push(`计划${deadlineText}前开工，截至${formatMonth(ref)}仍未开工`);
  } else if (!byDeadline(input.actualStartMonth, input.startDeadline)) {
    yellow.push(`开工晚于计划截止日期 ${deadlineText}（${formatMonth(input.actualStartMonth)}开工）`);
  }

  // 2. investment behind the project's own monthly plan, at the reference month
  let currentLag: Decimal | null = null;
  if (current && !stale) {
    currentLag = lagPoints(current.planned, current.actual, input.totalInvestment);
    if (currentLag !== null) {
      const demoNote = current.plannedDemo || current.actualDemo ? "（演示数据）" : "";
      const text = `${formatMonth(ref)}累计完成投资落后月度计划 ${pts(currentLag)} 个百分点${demoNote}`;
      if (currentLag.greaterThan(config.redLagPoints)) {
        red.push(text);
        demo ||= demoNote !== "";
      } else if (currentLag.greaterThanOrEqualTo(config.yellowLagPoints)) {
        yellow.push(text);
        demo ||= demoNote !== "";
      }
    }
  }

  // 3. a project that was red in an earlier month and is no longer red stays yellow
  if (red.length === 0) {
    const wasRed = history.find((h) => {
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
    if (months !== null && months >= config.statsYellowMonths) {
      const text = `${formatMonth(input.actualStartMonth!)}开工，已${months}个月未入库（纳统）`;
      if (months >= config.statsRedMonths) red.push(text);
      else yellow.push(text);
    }
  }

  // 5. overdue open issues
  if (input.overdueOpenIssues > 0) yellow.push(`有${input.overdueOpenIssues}个问题逾期未办结`);

  const level: WarningLevel = red.length > 0 ? "red" : yellow.length > 0 ? "yellow" : "green";
  const reasons = [...red, ...yellow];
  if (stale) reasons.push(`缺少${formatMonth(ref)}月报（${STALE_LABEL}），未按最新月份评估投资进度`);
  return { level, stale, reasons, lagPoints: currentLag === null ? null : pts(currentLag), demo };
}

/** "2024-04-30" → "2024年4月30日" */
export function formatDeadline(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
