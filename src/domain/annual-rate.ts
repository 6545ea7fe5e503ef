// 年度投资完成率, like for like (同口径): 本年累计完成投资 ÷ 年度计划投资 × 100, where both the
// numerator and the denominator run over the same projects — those with an annual plan figure
// on the year's list. Projects without one count in neither; with no plan figure at all (or a
// plan summing to 0) there is no rate. The one definition, in TypeScript (a project, a set of
// sums, the ranking order) and SQL (the plan-scope sums, the rate, the ranking ORDER BY);
// tests/integration/figure-rules.test.ts pins each pair to the same answers on both engines.
// Pure: no database handle.
import { Prisma } from "@/generated/prisma/client";
import { dec, Decimal, type DecimalLike } from "@/lib/money";

/** A project is in the plan scope when it has an annual plan figure. */
export function inPlanScope(project: { annualPlanned: DecimalLike | null }): boolean {
  return project.annualPlanned !== null;
}

/** SQL twin of inPlanScope over an annual plan column `planned` (NULL: none): the rows the rate runs over. */
export function inPlanScopeSql(planned: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${planned} IS NOT NULL)`;
}

/** Σ over the plan scope: the like-for-like numerator and denominator (with how many projects). */
export type PlanScopeSums = { annualPlanned: DecimalLike; yearInvestmentOfPlanned: DecimalLike };

/** TypeScript twin of planScopeSumsSql. */
export function planScopeSums(projects: Iterable<{ yearInvestment: DecimalLike; annualPlanned: DecimalLike | null }>): {
  annualPlanned: Decimal;
  projectsWithAnnualPlan: number;
  yearInvestmentOfPlanned: Decimal;
} {
  let annualPlanned = new Decimal(0);
  let yearInvestmentOfPlanned = new Decimal(0);
  let projectsWithAnnualPlan = 0;
  for (const p of projects) {
    if (!inPlanScope(p)) continue;
    annualPlanned = annualPlanned.plus(dec(p.annualPlanned!));
    yearInvestmentOfPlanned = yearInvestmentOfPlanned.plus(dec(p.yearInvestment));
    projectsWithAnnualPlan++;
  }
  return { annualPlanned, projectsWithAnnualPlan, yearInvestmentOfPlanned };
}

/** 年度投资完成率 in percent (exact) of plan-scope sums; null without a positive plan. */
export function annualRate(sums: PlanScopeSums): Decimal | null {
  const planned = dec(sums.annualPlanned);
  return planned.greaterThan(0) ? dec(sums.yearInvestmentOfPlanned).dividedBy(planned).times(100) : null;
}

/** One project's 年度投资完成率 (its own sums): null without an annual plan figure. */
export function projectAnnualRate(f: { yearInvestment: DecimalLike; annualPlanned: DecimalLike | null }): Decimal | null {
  return inPlanScope(f) ? annualRate({ annualPlanned: f.annualPlanned!, yearInvestmentOfPlanned: f.yearInvestment }) : null;
}

/**
 * SQL aggregates over rows with a 本年完成 column `year` and an annual plan column `planned`
 * (NULL: none): Σ plan, the number of projects with one, and Σ 本年完成 of those same projects.
 */
export function planScopeSumsSql(year: Prisma.Sql, planned: Prisma.Sql): { annualPlanned: Prisma.Sql; projectsWithAnnualPlan: Prisma.Sql; yearInvestmentOfPlanned: Prisma.Sql } {
  return {
    annualPlanned: Prisma.sql`coalesce(sum(${planned}), 0)`,
    projectsWithAnnualPlan: Prisma.sql`count(${planned})::int`,
    yearInvestmentOfPlanned: Prisma.sql`coalesce(sum(${year}) FILTER (WHERE ${inPlanScopeSql(planned)}), 0)`,
  };
}

/** SQL twin of annualRate over a numerator and a denominator expression (NULL: no rate). */
export function annualRateSql(yearOfPlanned: Prisma.Sql, planned: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${planned} > 0 THEN ${yearOfPlanned} / ${planned} * 100 END)`;
}

/** The ranking (通报) order: lowest 年度投资完成率 first, rows without a rate last. Follow it with the tie-breakers. */
export function annualRankingOrderSql(yearOfPlanned: Prisma.Sql, planned: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${annualRateSql(yearOfPlanned, planned)} ASC NULLS LAST`;
}

/** TypeScript twin of annualRankingOrderSql: rows in ranking order, ties (and rows without a rate) in their given order. */
export function rankByAnnualRate<T extends PlanScopeSums>(rows: readonly T[]): T[] {
  // Array.prototype.sort is stable: ties keep their given order
  const rated = rows.map((r) => ({ r, rate: annualRate(r) }));
  const withRate = rated.filter((x) => x.rate !== null).sort((a, b) => a.rate!.comparedTo(b.rate!));
  return [...withRate, ...rated.filter((x) => x.rate === null)].map((x) => x.r);
}
