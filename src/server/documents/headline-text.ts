// The overall-progress sentences both documents open with, worded from the overview's headline
// figures (src/server/figures/overview.ts, src/domain/headline.ts): nothing is computed here a
// second way, only written as a 公文 writes it.
import type { OverviewHeadline } from "@/server/figures/overview";
import type { IssueFigures } from "./queries";
import { formatPercent } from "@/lib/progress";
import { reportAmount, scheduleGapText } from "@/domain/report-wording";
import { formatMonth } from "@/lib/month";

/** "占年度计划X%，超序时进度Y个百分点", or why there is no like-for-like rate. */
export function annualRateText(h: NonNullable<OverviewHeadline["figures"]>): string {
  if (h.annualRate === null || h.vsSchedule === null) return h.annualText;
  return `占年度计划的${h.annualRate.toFixed(1)}%，${scheduleGapText(h.vsSchedule)}`;
}

/** The overall progress of a published month, in sentences. */
export function progressSentences(h: OverviewHeadline): string[] {
  const t = h.totals!;
  const f = h.figures!;
  const month = formatMonth(t.month);
  const declared = h.plan.declared;
  const out: string[] = [];
  out.push(
    `截至${month}，平台录入${h.plan.year}年重大项目${t.projectCount}个（计划申报${declared.projectCount}个），总投资${reportAmount(t.totalInvestment)}（计划申报${reportAmount(declared.totalInvestment)}）；` +
      `计划申报年度计划投资${reportAmount(declared.annualInvestment)}` +
      (t.projectsWithAnnualPlan > 0 ? `，其中${t.projectsWithAnnualPlan}个项目列有年度计划投资，合计${reportAmount(t.annualPlanned)}` : "") +
      "。",
  );
  out.push(
    `本年累计完成投资${reportAmount(t.yearInvestment)}，${annualRateText(f)}（${month}序时进度${f.schedule.toFixed(1)}%）；开工至今累计完成投资${reportAmount(t.cumulative)}，开累完成率${formatPercent(f.totalRate)}。`,
  );
  out.push(
    `已开工${t.started}个，开工率${formatPercent(f.startRate)}，其中按期开工（${h.startDeadline}前）${t.startedByDeadline}个；已投产${t.inProduction}个，投产率${formatPercent(f.productionRate)}，其中按期投产（${h.productionDeadline}前）${t.inProductionByDeadline}个。`,
  );
  out.push(`三色预警：红色${t.red}个、黄色${t.yellow}个、绿色${t.green}个${t.missing > 0 ? `；本月未报${t.missing}个，按其最近一次审核数计` : ""}。`);
  if (f.declaredInconsistency) out.push(f.declaredInconsistency);
  return out;
}

/** 问题办理: raised, closed and overdue with 办结率, as of the publication's date. */
export function issueSentence(month: string, asOfDay: string, i: IssueFigures): string {
  return (
    `${formatMonth(month)}新增问题${i.monthRaised}个、办结${i.monthClosed}个；全年问题台账累计${i.yearRaised}个，已办结${i.yearClosed}个，办结率${i.closureRate ?? "—"}；` +
    `未办结${i.open}个，其中逾期${i.overdue}个（截至${asOfDay}）。`
  );
}
