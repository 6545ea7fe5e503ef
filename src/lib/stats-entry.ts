// 入库/纳统: which projects are due to enter the fixed-asset investment statistics, and the
// 已开工未入库 rule the warnings and the counts use. Pure; the SQL twin of startedNotEntered is
// src/server/nodes/stats.ts (pinned together in tests/integration/rules.test.ts).
import { dec, type DecimalLike } from "./money";

/** Projects with a planned total investment of 500万元 or more are entered (conventions, 入库/纳统). */
export const STATS_ENTRY_MIN_INVESTMENT = "500";

export type StatsEntryFacts = {
  /** 总投资, 万元 */
  totalInvestment: DecimalLike;
  actualStartMonth: string | null;
  /** the month it entered the statistics (入库), or null */
  statsEnteredMonth: string | null;
};

/** Whole months from `from` to `to` ("YYYY-MM"; negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

export function isDueForStatsEntry(totalInvestment: DecimalLike): boolean {
  return dec(totalInvestment).greaterThanOrEqualTo(STATS_ENTRY_MIN_INVESTMENT);
}

/**
 * 已开工未入库 as of `month`: due for 入库, started in or before `month`, and not entered in or
 * before `month`. Returns the whole months since the start month, or null when the rule does not apply.
 */
export function monthsStartedNotEntered(p: StatsEntryFacts, month: string): number | null {
  if (!isDueForStatsEntry(p.totalInvestment)) return null;
  if (p.actualStartMonth === null || p.actualStartMonth > month) return null;
  if (p.statsEnteredMonth !== null && p.statsEnteredMonth <= month) return null;
  return monthsBetween(p.actualStartMonth, month);
}

export function startedNotEntered(p: StatsEntryFacts, month: string): boolean {
  return monthsStartedNotEntered(p, month) !== null;
}
