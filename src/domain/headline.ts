// The overview's headline figures, computed from a published period's sums in one place, with
// the official definitions (the like-for-like rate: ./annual-rate.ts; 序时进度: ./schedule-progress.ts):
//   序时进度          = months elapsed ÷ 12
//   年度投资完成率    = 本年累计完成投资 ÷ 年度计划投资, like for like: over the projects that
//                       have an annual plan figure on the list
//   开累完成率        = 开工至今累计完成投资 ÷ 总投资
//   开工率 / 投产率   = started (in production) ÷ projects on the list
// The declared plan (申报数) is compared separately: when the entered projects alone completed
// more than the whole declared annual plan, the figures are inconsistent and say so.
// Pure: no database handle (src/server/figures/overview.ts reads the sums).
import { dec, formatYi, type DecimalLike } from "@/lib/money";
import { rate } from "@/lib/progress";
import type { Decimal } from "@/lib/money";
import { annualRate as likeForLikeRate } from "./annual-rate";
import { declaredDifference } from "./plan-gaps";
import { allProjectsYearLabel, allProjectsYearText, annualRateScope, declaredScopeLine } from "./rate-scope";
import { compareWithSchedule, scheduleProgress, type ScheduleComparison } from "./schedule-progress";

export type PublicationSums = {
  month: string;
  projectCount: number;
  totalInvestment: DecimalLike;
  /** Σ annual plan over the projects that have one, and how many do */
  annualPlanned: DecimalLike;
  projectsWithAnnualPlan: number;
  /** Σ 本年累计完成 over those same projects (the like-for-like numerator) */
  yearInvestmentOfPlanned: DecimalLike;
  /** Σ 本年累计完成 over all projects */
  yearInvestment: DecimalLike;
  /** Σ 开工至今累计完成 over all projects */
  cumulative: DecimalLike;
  started: number;
  inProduction: number;
  /** projects without an approved report for the month (carried forward) */
  missing: number;
};

export type DeclaredPlan = { projectCount: number; totalInvestment: DecimalLike; annualInvestment: DecimalLike };

export type Headline = {
  month: string;
  schedule: Decimal;
  /** 年度投资完成率 like for like; null when no project has an annual plan figure */
  annualRate: Decimal | null;
  vsSchedule: ScheduleComparison | null;
  /** "占年度计划X%，超序时进度Y个百分点" or why there is no rate */
  annualText: string;
  /** "有年度计划的6个项目：本年完成18.6亿元 ÷ 年度计划25亿元 = 74.4%" (./rate-scope.ts) */
  annualScope: string;
  /** "全部40个项目本年累计完成62.1亿元（含无年度计划的项目）", and its label without the amount */
  allProjectsYear: string;
  allProjectsYearLabel: string;
  /** the neutral line of scope: declared, entered, which projects the rate runs over */
  scopeLine: string;
  /** 开累完成率 */
  totalRate: Decimal | null;
  startRate: Decimal | null;
  productionRate: Decimal | null;
  /** 本年完成 of all entered projects ÷ the declared annual plan of the whole list */
  declaredRate: Decimal | null;
  /** set when the entered projects' completion exceeds the declared annual plan (at its declared precision): a prompt for the office only */
  declaredInconsistency: string | null;
};

export function headlineFigures(sums: PublicationSums, declared: DeclaredPlan): Headline {
  const schedule = scheduleProgress(sums.month);
  // no project with an annual plan figure: the denominator is zero and there is no rate
  const annualRate = likeForLikeRate(sums);
  const vsSchedule = annualRate === null ? null : compareWithSchedule(annualRate, schedule);
  const annualText = annualRate === null ? "项目清单未列出各项目年度计划投资，无法按同口径计算年度投资完成率" : `占年度计划${annualRate.toFixed(1)}%，${vsSchedule!.text}`;
  const yearAll = dec(sums.yearInvestment);
  const declaredAnnual = dec(declared.annualInvestment);
  const declaredInconsistency =
    !declaredAnnual.isZero() && declaredDifference(declaredAnnual, yearAll).greaterThan(0)
      ? `已录入的${sums.projectCount}个项目本年完成投资${formatYi(yearAll)}，已超过计划申报的全部${declared.projectCount}个项目年度计划投资${formatYi(declaredAnnual)}，两者口径不一致，请核实申报口径。`
      : null;
  return {
    month: sums.month,
    schedule,
    annualRate,
    vsSchedule,
    annualText,
    annualScope: annualRateScope(sums),
    allProjectsYear: allProjectsYearText(sums),
    allProjectsYearLabel: allProjectsYearLabel(sums),
    scopeLine: declaredScopeLine(declared, sums),
    totalRate: rate(sums.cumulative, sums.totalInvestment),
    startRate: rate(sums.started, sums.projectCount),
    productionRate: rate(sums.inProduction, sums.projectCount),
    declaredRate: declaredAnnual.isZero() ? null : rate(yearAll, declaredAnnual),
    declaredInconsistency,
  };
}
