// The overview's (概览 / 驾驶舱) headline figures, computed in one place that
// tests/integration/overview.test.ts pins; the page only lays them out. Every figure comes from
// the publication leaders read (the newest published 调度期 of the year, src/server/periods),
// never from live reports, so no unreviewed report can move it.
import "server-only";
import { cache } from "react";
import type { Db } from "@/server/db/client";
import { getReadPublication, type PublicationRef } from "@/server/periods/queries";
import { getFigureBreakdown, getPublicationTotals, type FigureBreakdownRow, type PublicationTotals } from "@/server/figures/queries";
import { headlineFigures, type Headline } from "@/domain/headline";
import { countGap, investmentGap, startDeadlineGap } from "@/domain/plan-gaps";
import { dayToDate, formatDay } from "@/lib/month";
import type { DocumentPlan } from "@/server/documents/inputs";
import { rate } from "@/lib/progress";
import { annualRate } from "@/domain/annual-rate";
import type { Decimal } from "@/lib/money";

export type OverviewPlan = {
  year: number;
  title: string;
  targetText: string;
  startTargetLabel: string;
  productionTargetLabel: string;
  factorGuarantees: string[];
  isDemo: boolean;
  declared: { projectCount: number; totalInvestment: string; annualInvestment: string };
};

export type OverviewHeadline = {
  plan: OverviewPlan;
  startDeadline: string;
  productionDeadline: string;
  /** the publication read, or null before the year's first publication */
  publication: PublicationRef | null;
  totals: PublicationTotals | null;
  figures: Headline | null;
  flags: { count: string | null; total: string | null; start: string | null };
};

/**
 * Everything the overview states as a figure about `year`'s plan, or null without that plan; with
 * `month`, as of that published month instead of the newest one. The plan's facts are the plan's
 * as it is now (a published document reads the plan as it was published: publicationHeadline).
 */
export async function getOverviewHeadline(prisma: Db, year: number, month?: string): Promise<OverviewHeadline | null> {
  const [row, publication] = await Promise.all([prisma.annualPlan.findUnique({ where: { year } }), getReadPublication(prisma, year, month)]);
  if (!row) return null;
  const plan: OverviewPlan = {
    year: row.year,
    title: row.title,
    targetText: row.targetText,
    startTargetLabel: row.startTargetLabel,
    productionTargetLabel: row.productionTargetLabel,
    factorGuarantees: row.factorGuarantees,
    isDemo: row.isDemo,
    declared: {
      projectCount: row.declaredProjectCount,
      totalInvestment: row.declaredTotalInvestment.toString(),
      annualInvestment: row.declaredAnnualInvestment.toString(),
    },
  };
  return headlineOf(prisma, plan, { start: row.startDeadline, production: row.productionDeadline }, publication);
}

/** The headline of one publication with the plan's facts as stored when it was published (the documents). */
export async function publicationHeadline(prisma: Db, publication: PublicationRef, stored: DocumentPlan): Promise<OverviewHeadline> {
  const { startDeadline, productionDeadline, ...plan } = stored;
  return (await headlineOf(prisma, plan, { start: dayToDate(startDeadline), production: dayToDate(productionDeadline) }, publication))!;
}

async function headlineOf(prisma: Db, plan: OverviewPlan, deadlines: { start: Date; production: Date }, publication: PublicationRef | null): Promise<OverviewHeadline> {
  const startDeadline = formatDay(deadlines.start);
  const base = { plan, startDeadline, productionDeadline: formatDay(deadlines.production), publication };
  if (!publication) return { ...base, totals: null, figures: null, flags: { count: null, total: null, start: null } };
  const totals = await getPublicationTotals(prisma, { publicationId: publication.publicationId, month: publication.month });
  return {
    ...base,
    totals,
    figures: headlineFigures(totals, plan.declared),
    flags: {
      count: countGap(plan.declared.projectCount, totals.projectCount).message,
      total: investmentGap({
        declaredTotal: plan.declared.totalInvestment,
        computedTotal: totals.totalInvestment,
        declaredCount: plan.declared.projectCount,
        computedCount: totals.projectCount,
      }).message,
      start: startDeadlineGap({
        computedCount: totals.projectCount,
        startedCount: totals.started,
        startedByDeadline: totals.startedByDeadline,
        deadlineText: startDeadline,
      }).message,
    },
  };
}

/** The publication read for `year`, once per request whichever sections ask. */
export const loadReadPublication = cache(async (prisma: Db, year: number) => getReadPublication(prisma, year));

export type IndustryCompletion = {
  /** the first `limit` industries by total investment, each with its completion rate */
  rows: Array<FigureBreakdownRow & { rate: Decimal | null }>;
  /** how many industries there are */
  total: number;
  /**
   * the rate shown: 年度投资完成率 like for like when any industry listed has a project with an
   * annual plan figure; else 开累完成率 (a list without per-project annual plans)
   */
  annual: boolean;
};

/** The overview's 各产业完成率: one grouped query over the publication's figures. */
export async function getIndustryCompletion(prisma: Db, publicationId: number, limit: number): Promise<IndustryCompletion> {
  const all = await getFigureBreakdown(prisma, publicationId, "industry");
  const listed = all.slice(0, limit);
  const annual = listed.some((r) => r.projectsWithAnnualPlan > 0);
  // one rate per column: an industry without a plan figure has no 年度投资完成率 (无同口径计划), never its 开累完成率 instead
  return {
    rows: listed.map((r) => ({ ...r, rate: annual ? annualRate(r) : rate(r.cumulative, r.totalInvestment) })),
    total: all.length,
    annual,
  };
}
