// The overview's (概览 / 驾驶舱) headline figures, computed in one place that
// tests/integration/overview.test.ts pins; the page only lays them out. Also the per-request
// loaders its sections share, so two sections needing the same rows query once.
import "server-only";
import { cache } from "react";
import { db } from "@/server/db";
import type { Db } from "@/server/db/client";
import { getPlanSummary, type PlanSummary } from "@/server/plans/queries";
import { yearCompletionRate } from "@/server/plans/year-completion";
import { listYearProjects, type YearProjectItem } from "@/server/projects/queries";
import { countGap, investmentGap, startDeadlineGap } from "@/lib/plan-gaps";
import { percent } from "@/lib/money";
import { businessDate, formatDay } from "@/lib/month";
import { compareWithSchedule, formatPercent, scheduleProgress, type ScheduleComparison } from "@/lib/progress";

export type OverviewHeadline = {
  plan: PlanSummary;
  startDeadline: string;
  productionDeadline: string;
  flags: { count: string | null; total: string | null; start: string | null };
  annual: {
    /** declared annual investment and 本年完成投资, 万元 */
    planned: string;
    completed: string;
    /** 完成率 and 序时进度 as shown ("125.9%", "—" when unknown) */
    rate: string;
    schedule: string;
    /** the month 序时进度 is reckoned at (the plan's latest reported month) */
    scheduleMonth: string | null;
    vsSchedule: ScheduleComparison | null;
  };
  notStarted: number;
  /** cumulative completed investment of the projects on the list, and its share of their total investment */
  completedTotal: string;
  completedShare: string | null;
};

/** Everything the overview states as a figure about `year`'s plan, or null without that plan. */
export async function getOverviewHeadline(prisma: Db, year: number): Promise<OverviewHeadline | null> {
  const plan = await getPlanSummary(prisma, year);
  if (!plan) return null;
  const { declared, computed } = plan;
  const startDeadline = formatDay(plan.startDeadline);
  const rate = yearCompletionRate(computed.completedThisYear, declared.annualInvestment);
  const schedule = computed.latestMonth ? scheduleProgress(computed.latestMonth) : null;
  return {
    plan,
    startDeadline,
    productionDeadline: formatDay(plan.productionDeadline),
    flags: {
      count: countGap(declared.projectCount, computed.projectCount).message,
      total: investmentGap({
        declaredTotal: declared.totalInvestment,
        computedTotal: computed.totalInvestment,
        declaredCount: declared.projectCount,
        computedCount: computed.projectCount,
      }).message,
      start: startDeadlineGap({ ...computed, computedCount: computed.projectCount, deadlineText: startDeadline }).message,
    },
    annual: {
      planned: declared.annualInvestment,
      completed: computed.completedThisYear,
      rate: formatPercent(rate),
      schedule: formatPercent(schedule),
      scheduleMonth: computed.latestMonth,
      vsSchedule: rate && schedule ? compareWithSchedule(rate, schedule) : null,
    },
    notStarted: computed.projectCount - computed.startedCount,
    completedTotal: computed.completedInvestment,
    completedShare: percent(computed.completedInvestment, computed.totalInvestment),
  };
}

export type WarningCounts = { red: number; yellow: number; green: number; stale: number };

/** How many projects carry each colour, and how many are stale besides. */
export function countWarnings(items: Array<Pick<YearProjectItem, "warning">>): WarningCounts {
  const counts: WarningCounts = { red: 0, yellow: 0, green: 0, stale: 0 };
  for (const p of items) {
    counts[p.warning.level]++;
    if (p.warning.stale) counts.stale++;
  }
  return counts;
}

/** The year's projects with their warnings, loaded once per request whichever sections ask. */
export const loadYearProjects = cache((year: number) => listYearProjects(db(), { year, today: businessDate() }));
