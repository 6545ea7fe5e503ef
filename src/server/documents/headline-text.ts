// The overall-progress sentences both documents open with, worded from the overview's headline
// figures (src/server/figures/overview.ts, src/domain/headline.ts): nothing is computed here a
// second way, only written as a 公文 writes it.
import type { OverviewHeadline } from "@/server/figures/overview";
import type { IssueFigures } from "./queries";
import { formatPercent } from "@/lib/progress";
import { reportAmount, scheduleGapText } from "@/domain/report-wording";
import { formatMonth } from "@/lib/month";

/** The year's rate with its scope and 序时进度: "有年度计划的6个项目：本年完成18.6亿元 ÷ 年度计划25亿元 = 74.4%，超序时进度…". */
export function annualRateText(h: OverviewHeadline): string {
  const f = h.figures!;
  const gap = f.vsSchedule === null ? "" : `，${scheduleGapText(f.vsSchedule)}`;
  return `年度投资完成率按同口径计算，${f.annualScope}${gap}（${formatMonth(f.month)}序时进度${f.schedule.toFixed(1)}%）`;
}

/**
 * The overall progress of a published month, in sentences. The scope is stated plainly (what was
 * declared, what the platform holds, which projects the rate runs over); a document never prints
 * the office's prompts (请核实…: src/domain/plan-gaps.ts, shown in the office's to-do).
 */
export function progressSentences(h: OverviewHeadline): string[] {
  const t = h.totals!;
  const f = h.figures!;
  const month = formatMonth(t.month);
  const declared = h.plan.declared;
  const out: string[] = [];
  out.push(
    `截至${month}，平台录入${h.plan.year}年重大项目${t.projectCount}个（计划申报${declared.projectCount}个），总投资${reportAmount(t.totalInvestment)}（计划申报${reportAmount(declared.totalInvestment)}）；` +
      `计划申报年度计划投资${reportAmount(declared.annualInvestment)}` +
      (t.projectsWithAnnualPlan > 0
        ? `，平台录入的项目中${t.projectsWithAnnualPlan}个列有年度计划投资，合计${reportAmount(t.annualPlanned)}`
        : "，平台录入的项目均未列年度计划投资") +
      "。",
  );
  out.push(
    `${annualRateText(h)}；${f.allProjectsYear}；开工至今累计完成投资${reportAmount(t.cumulative)}，占总投资${reportAmount(t.totalInvestment)}的${formatPercent(f.totalRate)}（开累完成率）。`,
  );
  out.push(
    `已开工${t.started}个，占${t.projectCount}个项目的${formatPercent(f.startRate)}（开工率），其中按期开工（${h.startDeadline}前）${t.startedByDeadline}个；已投产${t.inProduction}个，占${t.projectCount}个项目的${formatPercent(f.productionRate)}（投产率），其中按期投产（${h.productionDeadline}前）${t.inProductionByDeadline}个。`,
  );
  out.push(`三色预警：红色${t.red}个、黄色${t.yellow}个、绿色${t.green}个${t.missing > 0 ? `；本月未报${t.missing}个，按其最近一次审核数计` : ""}。`);
  return out;
}

/** 问题办理: raised, closed and overdue with 办结率, as of the publication's date. */
export function issueSentence(month: string, asOfDay: string, i: IssueFigures): string {
  return (
    `${formatMonth(month)}新增问题${i.monthRaised}个、办结${i.monthClosed}个；全年问题台账累计${i.yearRaised}个，已办结${i.yearClosed}个，办结率${i.closureRate ?? "—"}；` +
    `未办结${i.open}个，其中逾期${i.overdue}个（截至${asOfDay}）。`
  );
}
