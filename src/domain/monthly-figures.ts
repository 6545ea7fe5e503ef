// The rules a month's figures must satisfy, written once for the monthly form (saveMonthlyReport)
// and the Excel import (src/server/excel/import-service.ts): pure, given the project's facts and
// the previous counted figure (./counted-revision.ts).
import type { Decimal } from "decimal.js";
import { dec, formatWan, type DecimalLike } from "@/lib/money";
import { formatMonth } from "@/lib/month";
import { productionBeforeStart } from "@/domain/nodes";

/** Messages per form field (the same shape as src/server/errors.ts FieldErrors). */
type FieldErrors = Record<string, string[] | undefined>;

export type MonthFigures = {
  month: string;
  monthInvestment: string;
  cumulativeInvestment: string;
  explanation?: string | null;
  actualStartMonth?: string | null;
  actualProductionMonth?: string | null;
};

export type ProjectFacts = {
  totalInvestment: DecimalLike;
  /** the first year the project is on a list (null: on none) */
  firstListYear: number | null;
  /** the project's own recorded start and production months (the report may give them for the first time) */
  actualStartMonth: string | null;
  actualProductionMonth: string | null;
};

export type PreviousFigure = { month: string; cumulativeInvestment: DecimalLike } | null;

/** 累计 = 上期累计 + 本月: what the cumulative should be (null without a previous figure). */
export function expectedCumulative(previous: PreviousFigure, monthInvestment: DecimalLike): Decimal | null {
  return previous ? dec(previous.cumulativeInvestment).plus(dec(monthInvestment)) : null;
}

/** The field errors of a month's figures (empty: acceptable). */
export function monthlyReportErrors(project: ProjectFacts, input: MonthFigures, previous: PreviousFigure): FieldErrors {
  const errors: FieldErrors = {};
  // Stryker disable next-line ConditionalExpression: a year is never below null (taken as 0); the test says what null means
  if (project.firstListYear !== null && Number(input.month.slice(0, 4)) < project.firstListYear) {
    errors.month = [`不能早于项目列入重大项目清单的年份（${project.firstListYear}年）`];
  }
  const monthInvestment = dec(input.monthInvestment);
  const cumulative = dec(input.cumulativeInvestment);
  if (cumulative.greaterThan(dec(project.totalInvestment)) && !input.explanation) {
    errors.explanation = [`累计完成投资 ${formatWan(cumulative)} 超过项目总投资 ${formatWan(project.totalInvestment)}，请在说明中写明原因`];
  }
  // 投产 never before 开工: the month typed, or else the project's own start month (src/domain/nodes.ts)
  const productionProblem = productionBeforeStart(input.actualStartMonth ?? project.actualStartMonth, input.actualProductionMonth ?? null);
  if (productionProblem) errors.actualProductionMonth = [productionProblem];
  else if (input.actualStartMonth && !input.actualProductionMonth && productionBeforeStart(input.actualStartMonth, project.actualProductionMonth)) {
    errors.actualStartMonth = [`实际开工月份（${formatMonth(input.actualStartMonth)}）不能晚于项目已登记的实际投产月份（${formatMonth(project.actualProductionMonth!)}）`];
  }
  const expected = expectedCumulative(previous, monthInvestment);
  if (expected) {
    if (!expected.equals(cumulative) && !input.explanation) {
      errors.cumulativeInvestment = [
        `应为上期（${formatMonth(previous!.month)}）累计 ${formatWan(previous!.cumulativeInvestment)} + 本月 ${formatWan(monthInvestment)} = ${formatWan(expected)}；如为更正，请在说明中写明原因`,
      ];
    }
  } else if (cumulative.lessThan(monthInvestment)) {
    errors.cumulativeInvestment = ["累计完成投资不能小于本月完成投资"];
  }
  return errors;
}

/** A submitted month awaits review: the county cannot change it until it is returned. */
export function submittedLockedMessage(month: string): string {
  return `${formatMonth(month)}的报表已提交、正在等待审核，不能修改。如需更正，请联系园区管理员退回。`;
}
