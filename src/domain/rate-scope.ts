// How a rate is shown with its scope (口径), so a reader with a calculator gets the same answer
// from the numbers printed beside it. One wording for every place a rate stands — the cockpit, the
// park ranking and park pages, the 通报, the 情况报告 and the 调度表's notes:
//   - 年度投资完成率 (like for like, ./annual-rate.ts) with its numerator and denominator from the
//     same projects: "有年度计划的6个项目：本年完成18.6亿元 ÷ 年度计划25亿元 = 74.4%";
//   - the all-projects total stands apart with its own label:
//     "全部40个项目本年累计完成62.1亿元（含无年度计划的项目）";
//   - a breakdown (park, industry, …) none of whose projects has an annual plan figure has no rate:
//     "无同口径计划", never 0.0%; when its planned projects completed nothing while projects
//     without a plan figure did, the rate (0.0%) says so beside it.
// Amounts are written as the documents write them (./report-wording.ts: every stored digit, so
// nothing is rounded away between the figures and the rate); rates to one decimal place.
// Pure: no database handle.
import { dec, type DecimalLike } from "@/lib/money";
import { annualRate, type PlanScopeSums } from "./annual-rate";
import { reportAmount } from "./report-wording";

/** What a breakdown without any annual plan figure shows instead of a rate. */
export const NO_PLAN_SCOPE = "无同口径计划";

/** A breakdown's sums: the like-for-like pair, how many projects have a plan figure, and the all-projects total. */
export type ScopeSums = PlanScopeSums & { projectsWithAnnualPlan: number; projectCount: number; yearInvestment: DecimalLike };

/** A rate in percent as every page and document prints it: one decimal place, or "无同口径计划". */
export function rateText(rate: DecimalLike | null, options: { percentSign?: boolean } = {}): string {
  if (rate === null) return NO_PLAN_SCOPE;
  return dec(rate).toFixed(1) + (options.percentSign === false ? "" : "%");
}

/** "本年完成18.6亿元 ÷ 年度计划25亿元 = 74.4%" (the like-for-like pair and the rate), or "无同口径计划". */
export function annualRateEquation(sums: PlanScopeSums): string {
  const rate = annualRate(sums);
  if (rate === null) return NO_PLAN_SCOPE;
  return `本年完成${reportAmount(sums.yearInvestmentOfPlanned)} ÷ 年度计划${reportAmount(sums.annualPlanned)} = ${rateText(rate)}`;
}

/**
 * The rate with the projects it runs over: "有年度计划的6个项目：本年完成18.6亿元 ÷ 年度计划25亿元 = 74.4%";
 * "全部4个项目均有年度计划：…" when every project has one; "无同口径计划（N个项目均未列年度计划投资）" when none has.
 */
export function annualRateScope(sums: ScopeSums): string {
  if (annualRate(sums) === null) return `${NO_PLAN_SCOPE}（${sums.projectCount}个项目均未列年度计划投资）`;
  const who = sums.projectsWithAnnualPlan === sums.projectCount ? `全部${sums.projectCount}个项目均有年度计划` : `有年度计划的${sums.projectsWithAnnualPlan}个项目`;
  return `${who}：${annualRateEquation(sums)}`;
}

/** "全部40个项目本年累计完成投资（含无年度计划的项目）": the label of the all-projects total (a page sets the amount beside it). */
export function allProjectsYearLabel(sums: { projectCount: number; projectsWithAnnualPlan: number }): string {
  return `全部${sums.projectCount}个项目本年累计完成投资${sums.projectCount > sums.projectsWithAnnualPlan ? "（含无年度计划的项目）" : ""}`;
}

/** "全部40个项目本年累计完成62.1亿元（含无年度计划的项目）": the all-projects total, labelled apart from the rate's scope. */
export function allProjectsYearText(sums: { projectCount: number; projectsWithAnnualPlan: number; yearInvestment: DecimalLike }): string {
  const outside = sums.projectCount - sums.projectsWithAnnualPlan;
  return `全部${sums.projectCount}个项目本年累计完成${reportAmount(sums.yearInvestment)}${outside > 0 ? "（含无年度计划的项目）" : ""}`;
}

/**
 * Set when the rate says 0.0% (or very little) only because the completion happened outside its
 * scope: "本年完成的5.6亿元均为无年度计划的项目". Null otherwise.
 */
export function outsideScopeNote(sums: ScopeSums): string | null {
  const ofPlanned = dec(sums.yearInvestmentOfPlanned);
  const all = dec(sums.yearInvestment);
  if (annualRate(sums) === null || !ofPlanned.isZero() || !all.greaterThan(0)) return null;
  return `本年完成的${reportAmount(all)}均为无年度计划的项目`;
}

/** The rule in one sentence, for the notes under tables and in the documents. */
export const ANNUAL_RATE_RULE = "年度投资完成率 = 有年度计划项目的本年完成投资 ÷ 这些项目的年度计划投资（同口径）；没有项目列年度计划投资的，写“无同口径计划”";

/**
 * The one neutral line of scope leaders read (the cockpit, the documents' first paragraph): what
 * was declared, what the platform holds, and which projects the rate runs over — no prompt to act.
 */
export function declaredScopeLine(declared: { projectCount: number; annualInvestment: DecimalLike }, sums: ScopeSums): string {
  const rateScope =
    sums.projectsWithAnnualPlan === 0
      ? "各项目均未列年度计划投资，年度投资完成率无同口径计划"
      : sums.projectsWithAnnualPlan === sums.projectCount
        ? "均列有年度计划投资，年度投资完成率按全部项目计算"
        : `其中${sums.projectsWithAnnualPlan}个列有年度计划投资，年度投资完成率按这${sums.projectsWithAnnualPlan}个项目同口径计算`;
  return `口径：计划申报${declared.projectCount}个项目、年度计划投资${reportAmount(declared.annualInvestment)}；平台已录入${sums.projectCount}个项目，${rateScope}。`;
}
